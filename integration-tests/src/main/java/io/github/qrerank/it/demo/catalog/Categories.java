package io.github.qrerank.it.demo.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * The catalog's categories, most frequent first (the generator draws them Zipf-distributed in this
 * order), with their vocabulary. The words are chosen so that the demo's queries hit several
 * categories, in titles and in descriptions: "running shoes" hits shoes, and apparel, bags and
 * books whose descriptions mention running shoes; "laptop" hits laptops, laptop bags and sleeves,
 * and products that connect to a laptop; "coffee" hits coffee, coffee machines and grinders, tea
 * ("less caffeine than coffee") and coffee books.
 *
 * <p>In the lists below {@code |} separates entries; in a product type the first entry is its name
 * and the others its synonyms.
 */
public final class Categories {

  private Categories() {}

  public static final List<Category> ALL =
      List.of(
          new Category(
              "shoes",
              types(
                  "running shoes|running trainers|road runners",
                  "trail running shoes|trail runners|off-road shoes",
                  "sneakers|trainers|casual shoes",
                  "road running shoes|road trainers",
                  "walking shoes|walkers",
                  "training shoes|gym shoes|cross trainers",
                  "racing shoes|racing flats|race day shoes",
                  "hiking boots|trekking boots|hiking shoes"),
              words(
                  "lightweight|cushioned|men's|women's|breathable|neutral|waterproof|stability"
                      + "|max cushion|responsive|wide fit|low drop|carbon plated|grippy|vegan"
                      + "|recycled|reflective|minimalist|all-weather|knit|everyday|long distance"
                      + "|marathon|kids'"),
              words(
                  "Black|White|Navy|Grey|Black/White|Blue/Orange|Volt|Sand|Size 8|Size 9|Size 10"
                      + "|Size 11|Size 12|Wide"),
              words(
                  "Responsive foam midsole for long runs.|Grippy rubber outsole for wet roads and"
                      + " muddy trails.|Breathable mesh upper keeps feet cool on hot days.|Wide toe"
                      + " box and a secure, padded heel.|Made with recycled materials and vegan"
                      + " glues.|An 8 mm drop suits most runners.|Light enough for tempo runs,"
                      + " soft enough for recovery days.|Comfortable shoes for work, travel and"
                      + " weekend runs.|Reflective details keep you visible on evening runs."
                      + "|Removable insole works with custom orthotics.|Rock plate protects against"
                      + " sharp stones.|Laces stay tied, even on the longest run.|Tested by our"
                      + " running club over 500 miles.|True to size; go half a size up for thick"
                      + " socks."),
              95,
              0.32,
              0.030),
          new Category(
              "apparel",
              types(
                  "running jacket|running windbreaker",
                  "t-shirt|tee|training top",
                  "running shorts|race shorts",
                  "leggings|yoga pants",
                  "running socks|athletic socks",
                  "hoodie|sweatshirt|pullover",
                  "running tights|running leggings",
                  "rain jacket|shell jacket|waterproof jacket",
                  "sports bra|running bra",
                  "base layer|thermal top"),
              words(
                  "lightweight|women's|men's|reflective|quick-dry|merino|seamless|compression"
                      + "|thermal|windproof|packable|organic cotton|moisture-wicking|high-waisted"
                      + "|relaxed fit|slim fit|anti-chafe|recycled|insulated|stretch|ultralight"
                      + "|cropped"),
              words("Black|White|Navy|Grey|Heather Grey|Olive|Coral|Teal|XS|S|M|L|XL|XXL|3-Pack"),
              words(
                  "Moisture-wicking fabric for running and training.|Reflective details for early"
                      + " morning runs.|Soft, durable and machine washable.|Zip pocket for keys,"
                      + " gels and a phone.|Pairs well with your favourite running shoes.|Flatlock"
                      + " seams prevent chafing on long runs.|Four-way stretch moves with you."
                      + "|Packs into its own pocket.|Merino wool resists odour for days.|Cut for"
                      + " layering over a base layer in winter.|Sweat dries fast, even in humid"
                      + " weather.|Made from recycled polyester."),
              45,
              0.45,
              0.040),
          new Category(
              "coffee",
              types(
                  "coffee beans|whole bean coffee|whole beans",
                  "ground coffee|filter coffee|pre-ground coffee",
                  "espresso beans|espresso roast|espresso blend",
                  "coffee pods|coffee capsules|capsules",
                  "decaf coffee|decaf|decaffeinated coffee",
                  "cold brew coffee|cold brew",
                  "instant coffee|soluble coffee",
                  "coffee sampler|coffee gift box"),
              words(
                  "organic|single-origin|dark roast|medium roast|fair trade|light roast|Colombian"
                      + "|Ethiopian|house blend|Sumatra|Guatemalan|Brazilian|Kenyan|breakfast blend"
                      + "|Italian roast|French roast|smooth|bold|low-acid|small-batch|shade-grown"
                      + "|arabica|Swiss water|barrel-aged"),
              words("250 g|500 g|1 kg|2 lb|12 oz|Pack of 2|Pack of 4|10 Pods|30 Pods|Gift Tin"),
              words(
                  "Notes of chocolate and caramel.|Roasted in small batches and shipped within days"
                      + " of roasting.|Great for espresso, moka pot and filter brewing.|Sourced"
                      + " from Rainforest Alliance certified farms.|Bright acidity with a citrus"
                      + " finish.|A rich crema and a syrupy body.|Grown at high altitude and washed"
                      + " by hand.|Resealable bag with a one-way valve keeps beans fresh.|Works"
                      + " with most home espresso machines.|A smooth everyday coffee that takes"
                      + " milk well.|Coffee lovers rate it five stars.|Roast date printed on every"
                      + " bag."),
              14,
              0.38,
              0.060),
          new Category(
              "laptops",
              types(
                  "laptop|notebook|notebook computer",
                  "gaming laptop|gaming notebook",
                  "business laptop|work notebook",
                  "ultrabook|thin and light laptop",
                  "2-in-1 laptop|convertible laptop|convertible",
                  "chromebook",
                  "student laptop|school notebook",
                  "workstation laptop|mobile workstation"),
              words(
                  "14-inch|15.6-inch|lightweight|16-inch|13-inch|OLED|touchscreen|refurbished|17-inch|thin|Core"
                      + " i5|Core i7|16GB RAM|32GB RAM|512GB SSD|1TB SSD|RTX"
                      + " 4060|backlit|fanless|Windows 11|2.8K|high refresh"),
              words(
                  "Silver|Space Grey|Black|Blue|Graphite|2024 Model|with Sleeve|UK Keyboard"
                      + "|US Keyboard"),
              words(
                  "All-day battery life and a bright display.|Fast SSD storage and 16 GB of"
                      + " memory.|Backlit keyboard and a precise glass touchpad.|Thunderbolt ports"
                      + " and Wi-Fi 6E.|A 1080p webcam with a privacy shutter.|Weighs under 1.3 kg"
                      + " and charges over USB-C.|Cooling system stays quiet under"
                      + " load.|Upgradeable memory and a spare M.2 slot.|Military-grade durability"
                      + " testing.|Fingerprint reader for quick, secure sign-in.|Ships with a 65 W"
                      + " charger.|Runs the latest games at high settings.|A laptop stand and"
                      + " sleeve are sold separately."),
              950,
              0.12,
              0.010),
          new Category(
              "kitchen",
              types(
                  "coffee maker|drip coffee machine|coffee machine",
                  "espresso machine|espresso maker",
                  "electric kettle|kettle",
                  "coffee grinder|burr grinder|bean grinder",
                  "blender|smoothie maker",
                  "french press|cafetiere|press pot",
                  "toaster",
                  "milk frother|milk steamer",
                  "pour-over coffee dripper|pour-over dripper"),
              words(
                  "stainless steel|compact|programmable|cordless|premium|12-cup|single-serve|glass"
                      + "|ceramic burr|conical burr|manual|automatic|gooseneck|matte black|digital"
                      + "|quiet|1.7-litre|4-slice|2-slice|high-speed|thermal|bean-to-cup|15-bar"),
              words("Black|Silver|White|Red|Cream|Copper|Stainless|with Carafe|Refurbished|Bundle"),
              words(
                  "Brews barista-quality coffee at home.|Easy to clean, with dishwasher-safe"
                      + " parts.|Compact design for small kitchens.|Two-year warranty"
                      + " included.|Keeps coffee hot for two hours.|Adjustable grind settings from"
                      + " espresso to cold brew.|Auto shut-off and boil-dry protection.|Steam wand"
                      + " for silky milk and latte art.|BPA-free materials throughout.|Wakes you up"
                      + " with fresh coffee on a timer.|Heats water to the right temperature for"
                      + " tea and coffee.|Removable water tank holds 1.5 litres."),
              120,
              0.25,
              0.020),
          new Category(
              "headphones",
              types(
                  "wireless earbuds|true wireless earbuds|earbuds",
                  "wireless headphones|bluetooth headphones",
                  "noise cancelling headphones|ANC headphones",
                  "running earbuds|sport earbuds|workout earbuds",
                  "gaming headset|headset",
                  "studio headphones|monitor headphones",
                  "bone conduction headphones|open-ear headphones",
                  "neckband earphones|earphones"),
              words(
                  "bluetooth|in-ear|over-ear|sweatproof|on-ear|foldable|hi-res|lossless|waterproof"
                      + "|lightweight|wired|USB-C|low-latency|spatial audio|multipoint|kids'"
                      + "|open-back|closed-back|comfortable"),
              words("Black|White|Midnight Blue|Sage|Rose|Silver|with Case|Refurbished"),
              words(
                  "Thirty hours of battery life.|Secure fit for running and workouts.|Active noise"
                      + " cancelling for travel and commutes.|Clear calls with four microphones."
                      + "|Quick charge: ten minutes for three hours of music.|Sweat and rain"
                      + " resistant, rated IPX5.|Memory foam ear cushions for long sessions.|Stays"
                      + " put on long runs and HIIT sessions.|Connects to a phone and a laptop at"
                      + " once.|Custom EQ in the companion app.|Open-ear design lets you hear"
                      + " traffic while running."),
              130,
              0.28,
              0.025),
          new Category(
              "bags",
              types(
                  "backpack|rucksack|daypack",
                  "laptop bag|laptop briefcase|messenger bag",
                  "gym bag|duffel bag|sports bag",
                  "laptop sleeve|laptop case",
                  "travel backpack|carry-on backpack",
                  "running belt|running waist pack|waist pack",
                  "tote bag|tote",
                  "hydration vest|running vest"),
              words(
                  "waterproof|padded|lightweight|leather|recycled|anti-theft|rolltop|expandable"
                      + "|minimalist|vegan leather|canvas|15-inch|17-inch|reflective|foldable"
                      + "|women's|men's|large|slim"),
              words("Black|Navy|Grey|Tan|Olive|Burgundy|20 L|30 L|40 L|with USB Port"),
              words(
                  "Padded compartment fits a 15-inch laptop.|Water-resistant fabric and sturdy"
                      + " zips.|Comfortable straps for daily commutes.|Hidden pocket for a phone"
                      + " and cards.|Luggage strap slides over a suitcase handle.|Ventilated shoe"
                      + " pocket keeps your running shoes apart.|Bounce-free fit for running with a"
                      + " phone and keys.|Fits a laptop, a tablet and a change of clothes.|Lifetime"
                      + " warranty on zips and seams.|Holds two soft flasks for long runs.|Laptop"
                      + " sleeve with a fleece lining.|Made from recycled bottles."),
              60,
              0.40,
              0.035),
          new Category(
              "smartphones",
              types(
                  "smartphone|mobile phone|cell phone",
                  "5G smartphone|5G phone",
                  "budget smartphone|budget phone",
                  "camera phone|photography phone",
                  "rugged smartphone|rugged phone",
                  "foldable smartphone|foldable phone|flip phone",
                  "senior phone|easy phone"),
              words(
                  "128 GB|256 GB|unlocked|dual-SIM|512 GB|refurbished|6.1-inch|6.7-inch|compact"
                      + "|AMOLED|eSIM|5G|waterproof|long-battery|flagship|mid-range|Android"),
              words("Black|Blue|Green|Titanium|Lavender|Graphite|with Case|2-Year Warranty"),
              words(
                  "Sharp camera with night mode.|Fast charging and a large battery.|Bright 120 Hz"
                      + " display.|Water and dust resistant.|Five years of software"
                      + " updates.|Optical zoom and 4K video.|Face unlock and an in-display"
                      + " fingerprint reader.|Wireless charging and reverse charging.|Syncs with"
                      + " your laptop for calls and files.|Tracks runs and steps with the built-in"
                      + " health app."),
              480,
              0.10,
              0.012),
          new Category(
              "watches",
              types(
                  "running watch|GPS running watch",
                  "smartwatch|smart watch",
                  "fitness tracker|activity tracker|fitness band",
                  "GPS watch|multisport watch",
                  "hybrid smartwatch|hybrid watch",
                  "trail watch|adventure watch",
                  "dive watch|diver's watch"),
              words(
                  "GPS|lightweight|waterproof|solar|heart-rate|AMOLED|titanium|offline maps|LTE"
                      + "|women's|men's|kids'|rugged|slim|sapphire|multi-band"),
              words("Black|Silver|Slate|Rose Gold|White|42 mm|46 mm|with Chest Strap|Refurbished"),
              words(
                  "Tracks pace, distance and heart rate on every run.|Two weeks of battery life."
                      + "|Sleep and recovery insights.|Contactless payments and music.|Training"
                      + " plans for 5K to marathon.|Multi-band GPS for accurate tracks in cities."
                      + "|Turn-by-turn navigation on trails.|Measures cadence and running power."
                      + "|Swim-proof to 50 metres.|Syncs with popular running apps."),
              220,
              0.22,
              0.018),
          new Category(
              "tea",
              types(
                  "green tea|sencha",
                  "black tea|breakfast tea",
                  "herbal tea|tisane|infusion",
                  "matcha|matcha powder",
                  "chai tea|chai|masala chai",
                  "earl grey|earl grey tea",
                  "oolong tea|oolong",
                  "rooibos|red bush tea"),
              words(
                  "organic|loose-leaf|caffeine-free|fair trade|Japanese|Chinese|Darjeeling|Assam"
                      + "|ceremonial|first flush|smoky|floral|spiced|vanilla|mint|lemon|ginger"
                      + "|premium|cold brew|pyramid bag"),
              words("50 g|100 g|250 g|20 Bags|40 Bags|80 Bags|Tin|Gift Box|Pack of 4"),
              words(
                  "A calm alternative to coffee.|Hand-picked leaves in a resealable pouch.|Steep"
                      + " for three minutes at 80 degrees.|Delicate, floral and fresh.|Rich in"
                      + " antioxidants.|Makes a great iced tea.|Less caffeine than a cup of"
                      + " coffee.|Compostable tea bags, plastic-free.|Blended and packed in small"
                      + " batches.|Serve with milk and honey."),
              9,
              0.42,
              0.055),
          new Category(
              "books",
              types(
                  "cookbook|recipe book",
                  "novel|fiction",
                  "travel guide|guidebook",
                  "running guide|running book|marathon training guide",
                  "coffee cookbook|home barista guide|coffee book",
                  "photography book|photo guide",
                  "memoir|biography",
                  "laptop repair guide|computer handbook"),
              words(
                  "bestselling|illustrated|revised|pocket|beginner's|complete"
                      + "|ultimate|essential|large print|signed|award-winning|2nd edition"
                      + "|practical"),
              words("Paperback|Hardcover|Kindle Edition|Box Set|Audiobook|Large Print"),
              words(
                  "Written by an award-winning author.|Practical tips and beautiful photography."
                      + "|A perfect gift for runners and coffee lovers.|Updated second edition."
                      + "|Over 100 recipes, from breakfast to dessert.|Training plans for your"
                      + " first 10K and beyond.|Step-by-step guides with clear diagrams.|A"
                      + " page-turner you will not put down.|Maps, itineraries and local tips."
                      + "|Includes an index and further reading."),
              18,
              0.30,
              0.045),
          new Category(
              "cameras",
              types(
                  "mirrorless camera|mirrorless",
                  "action camera|action cam",
                  "compact camera|point-and-shoot camera",
                  "camera lens|lens|prime lens",
                  "dash cam|dashboard camera",
                  "instant camera|instant film camera",
                  "vlogging camera|vlog camera",
                  "DSLR camera|DSLR"),
              words(
                  "4K|weather-sealed|full-frame|compact|stabilised|APS-C|24 MP|45 MP|waterproof"
                      + "|lightweight|zoom|wide-angle|telephoto|50 mm|retro"),
              words("Black|Silver|with 18-55 mm Lens|Body Only|Bundle|Refurbished|with Mount"),
              words(
                  "Fast autofocus and 4K video.|Weather-sealed for outdoor shoots.|Compact body,"
                      + " big sensor.|Image stabilisation for sharp handheld shots.|Flip screen for"
                      + " vlogging and selfies.|Mounts on a helmet, a bike or a running chest"
                      + " harness.|Transfers photos to a laptop or phone over Wi-Fi.|Dual card"
                      + " slots for peace of mind.|Records in 10-bit for colour grading.|Wide-angle"
                      + " lens captures the whole scene."),
              700,
              0.14,
              0.008));

  private static List<String> words(String list) {
    return Arrays.stream(list.split("\\|")).map(String::strip).toList();
  }

  private static List<ProductType> types(String... entries) {
    return Arrays.stream(entries)
        .map(
            e -> {
              List<String> names = words(e);
              return new ProductType(names.get(0), names.subList(1, names.size()));
            })
        .toList();
  }
}
