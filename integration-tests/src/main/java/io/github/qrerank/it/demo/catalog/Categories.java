package io.github.qrerank.it.demo.catalog;

import java.util.List;

/**
 * The catalog's categories, most frequent first (the generator draws them Zipf-distributed in this
 * order). The words are chosen so that the demo's queries ("running shoes", "laptop", "coffee") hit
 * several categories: running shoes and running apparel, laptops and laptop bags, coffee beans and
 * coffee machines.
 */
public final class Categories {

  private Categories() {}

  public static final List<Category> ALL =
      List.of(
          new Category(
              "shoes",
              List.of(
                  "running shoes",
                  "trail running shoes",
                  "road running shoes",
                  "walking shoes",
                  "sneakers",
                  "hiking boots",
                  "training shoes"),
              List.of("lightweight", "cushioned", "breathable", "waterproof", "women's", "men's"),
              List.of(
                  "Responsive foam midsole for long runs.",
                  "Grippy rubber outsole for wet roads and trails.",
                  "Breathable mesh upper keeps feet cool.",
                  "Wide toe box and a secure heel.",
                  "Recycled materials, vegan construction."),
              95,
              0.32,
              0.030),
          new Category(
              "apparel",
              List.of(
                  "running jacket",
                  "running shorts",
                  "running socks",
                  "t-shirt",
                  "hoodie",
                  "rain jacket",
                  "leggings"),
              List.of("lightweight", "reflective", "merino", "quick-dry", "women's", "men's"),
              List.of(
                  "Moisture-wicking fabric for running and training.",
                  "Reflective details for early morning runs.",
                  "Soft, durable and machine washable.",
                  "Zip pocket for keys and a phone."),
              45,
              0.45,
              0.040),
          new Category(
              "coffee",
              List.of(
                  "coffee beans",
                  "ground coffee",
                  "espresso beans",
                  "decaf coffee",
                  "cold brew coffee",
                  "coffee pods"),
              List.of("organic", "single-origin", "dark roast", "medium roast", "fair trade"),
              List.of(
                  "Notes of chocolate and caramel.",
                  "Roasted in small batches, shipped fresh.",
                  "Great for espresso and filter coffee.",
                  "Rainforest Alliance certified farms."),
              14,
              0.38,
              0.060),
          new Category(
              "laptops",
              List.of(
                  "laptop",
                  "gaming laptop",
                  "business laptop",
                  "2-in-1 laptop",
                  "ultrabook laptop",
                  "chromebook laptop"),
              List.of("14-inch", "15-inch", "16-inch", "lightweight", "OLED", "refurbished"),
              List.of(
                  "All-day battery life and a bright display.",
                  "Fast SSD storage and 16 GB of memory.",
                  "Backlit keyboard and a precise touchpad.",
                  "Thunderbolt ports and Wi-Fi 6E."),
              950,
              0.12,
              0.010),
          new Category(
              "kitchen",
              List.of(
                  "coffee maker",
                  "espresso machine",
                  "coffee grinder",
                  "french press",
                  "electric kettle",
                  "blender",
                  "toaster"),
              List.of("stainless steel", "compact", "programmable", "cordless", "premium"),
              List.of(
                  "Brews barista-quality coffee at home.",
                  "Easy to clean, dishwasher-safe parts.",
                  "Compact design for small kitchens.",
                  "Two-year warranty included."),
              120,
              0.25,
              0.020),
          new Category(
              "headphones",
              List.of(
                  "wireless headphones",
                  "noise cancelling headphones",
                  "running earbuds",
                  "wireless earbuds",
                  "studio headphones"),
              List.of("bluetooth", "sweatproof", "over-ear", "in-ear", "foldable"),
              List.of(
                  "Thirty hours of battery life.",
                  "Secure fit for running and workouts.",
                  "Active noise cancelling for travel.",
                  "Clear calls with four microphones."),
              130,
              0.28,
              0.025),
          new Category(
              "bags",
              List.of(
                  "backpack",
                  "laptop bag",
                  "laptop sleeve",
                  "gym bag",
                  "running belt",
                  "travel backpack"),
              List.of("waterproof", "padded", "lightweight", "leather", "recycled"),
              List.of(
                  "Padded compartment fits a 15-inch laptop.",
                  "Water-resistant fabric and sturdy zips.",
                  "Comfortable straps for daily commutes.",
                  "Hidden pocket for a phone and cards."),
              60,
              0.40,
              0.035),
          new Category(
              "smartphones",
              List.of("smartphone", "5G smartphone", "budget smartphone", "rugged smartphone"),
              List.of("128 GB", "256 GB", "dual-SIM", "unlocked", "refurbished"),
              List.of(
                  "Sharp camera with night mode.",
                  "Fast charging and a large battery.",
                  "Bright 120 Hz display.",
                  "Water and dust resistant."),
              480,
              0.10,
              0.012),
          new Category(
              "watches",
              List.of("running watch", "GPS watch", "smartwatch", "fitness tracker"),
              List.of("GPS", "solar", "lightweight", "waterproof", "heart-rate"),
              List.of(
                  "Tracks pace, distance and heart rate on every run.",
                  "Two weeks of battery life.",
                  "Sleep and recovery insights.",
                  "Contactless payments and music."),
              220,
              0.22,
              0.018),
          new Category(
              "tea",
              List.of("green tea", "black tea", "herbal tea", "matcha", "chai tea"),
              List.of("organic", "loose-leaf", "caffeine-free", "fair trade"),
              List.of(
                  "A calm alternative to coffee.",
                  "Hand-picked leaves, resealable pack.",
                  "Steep for three minutes.",
                  "Delicate, floral and fresh."),
              9,
              0.42,
              0.055),
          new Category(
              "books",
              List.of("running guide", "coffee cookbook", "cookbook", "novel", "travel guide"),
              List.of("bestselling", "illustrated", "paperback", "hardcover"),
              List.of(
                  "Written by an award-winning author.",
                  "Practical tips and beautiful photography.",
                  "A perfect gift for runners and coffee lovers.",
                  "Updated second edition."),
              18,
              0.30,
              0.045),
          new Category(
              "cameras",
              List.of("mirrorless camera", "action camera", "compact camera", "camera lens"),
              List.of("4K", "weather-sealed", "full-frame", "stabilised"),
              List.of(
                  "Fast autofocus and 4K video.",
                  "Weather-sealed for outdoor shoots.",
                  "Compact body, big sensor.",
                  "Image stabilisation for sharp handheld shots."),
              700,
              0.14,
              0.008));
}
