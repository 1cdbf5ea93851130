package io.github.qrerank.solr.remote;

import java.nio.file.Path;
import org.apache.solr.common.util.NamedList;

/** {@code remote} lists as solrconfig.xml would give them. */
final class RemoteConfigs {
  private RemoteConfigs() {}

  /** A list with url and token file, then {@code more} as name, value pairs. */
  static NamedList<Object> list(String url, Path tokenFile, Object... more) {
    NamedList<Object> l = new NamedList<>();
    l.add(RemoteSettings.URL, url);
    l.add(RemoteSettings.TOKEN_FILE, tokenFile.toString());
    for (int i = 0; i < more.length; i += 2) {
      l.add((String) more[i], more[i + 1]);
    }
    return l;
  }

  static RemoteSettings settings(String url, Path tokenFile, Object... more) {
    return RemoteSettings.parse(list(url, tokenFile, more));
  }
}
