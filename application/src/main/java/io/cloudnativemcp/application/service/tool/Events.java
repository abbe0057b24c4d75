package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.instant;
import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.service.render.TextTable;
import io.cloudnativemcp.domain.cluster.Ages;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.ListQuery;
import io.cloudnativemcp.domain.cluster.ObjectFields;
import io.cloudnativemcp.domain.cluster.ResourcePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading and showing events: the last-seen time, the object, one-line messages. */
final class Events {
  static final int MAX_MESSAGE = 240;
  /** Events read to find those of one object; the API cannot sort. */
  static final int SCAN = 500;

  private Events() {}

  static Instant lastSeen(Map<String, Object> e) {
    Instant t = instant(e, "lastTimestamp");
    if (t == null) {
      t = instant(e, "eventTime");
    }
    if (t == null) {
      t = instant(e, "series", "lastObservedTime");
    }
    if (t == null) {
      t = instant(e, "metadata", "creationTimestamp");
    }
    return t;
  }

  static String involvedObject(Map<String, Object> e) {
    String kind = string(e, "involvedObject", "kind");
    String name = string(e, "involvedObject", "name");
    if (kind == null && name == null) {
      return "-";
    }
    return (kind == null ? "" : kind.toLowerCase(Locale.ROOT) + "/") + (name == null ? "" : name);
  }

  static Comparator<Map<String, Object>> newestFirst() {
    return Comparator.comparing(Events::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()));
  }

  static Comparator<Map<String, Object>> warningsThenNewest() {
    return Comparator.comparing((Map<String, Object> e) -> !"Warning".equals(string(e, "type"))).thenComparing(newestFirst());
  }

  /** The recent events about one object, newest first. */
  static List<Map<String, Object>> about(ClusterSession session, ApiResource type, Map<String, Object> object, int limit) {
    String name = string(object, "metadata", "name");
    String ns = string(object, "metadata", "namespace");
    String selector = "involvedObject.name=" + name + (type.kind().isEmpty() ? "" : ",involvedObject.kind=" + type.kind());
    ResourcePage page;
    try {
      page = session.list(new ListQuery("events", Optional.ofNullable(ns), null, selector, SCAN, null));
    } catch (RuntimeException e) {
      return List.of(); // events are context, not the point of the call
    }
    List<Map<String, Object>> mine = new ArrayList<>();
    for (Map<String, Object> e : page.items()) {
      // Filter here as well: not every API server (or proxy) honours every field selector.
      if (name.equals(string(e, "involvedObject", "name"))
          && (string(e, "involvedObject", "kind") == null || type.kind().equals(string(e, "involvedObject", "kind")))) {
        mine.add(e);
      }
    }
    mine.sort(newestFirst());
    return mine.subList(0, Math.min(limit, mine.size()));
  }

  /** A compact table: last seen, type, reason, (object,) message. */
  static String table(List<Map<String, Object>> events, Instant now, boolean withObject) {
    List<String> headers = new ArrayList<>(List.of("LAST SEEN", "TYPE", "REASON"));
    if (withObject) {
      headers.add("OBJECT");
    }
    headers.add("MESSAGE");
    TextTable table = new TextTable(headers);
    for (Map<String, Object> e : events) {
      List<String> cells = new ArrayList<>();
      cells.add(Ages.between(lastSeen(e), now));
      cells.add(string(e, "type"));
      cells.add(string(e, "reason"));
      if (withObject) {
        cells.add(involvedObject(e));
      }
      Integer count = ObjectFields.integer(e, "count");
      String message = Texts.oneLine(string(e, "message"), MAX_MESSAGE);
      cells.add(count != null && count > 1 ? message + " (x" + count + ")" : message);
      table.row(cells);
    }
    return table.render();
  }

  /** The structured form of one event, compact. */
  static Map<String, Object> item(Map<String, Object> e, Instant now) {
    Map<String, Object> item = new LinkedHashMap<>();
    Texts.putIfPresent(item, "lastSeen", Ages.between(lastSeen(e), now));
    Texts.putIfPresent(item, "type", string(e, "type"));
    Texts.putIfPresent(item, "reason", string(e, "reason"));
    item.put("object", involvedObject(e));
    Texts.putIfPresent(item, "namespace", string(e, "metadata", "namespace"));
    Texts.putIfPresent(item, "message", Texts.oneLine(string(e, "message"), MAX_MESSAGE));
    Texts.putIfPresent(item, "count", ObjectFields.integer(e, "count"));
    return item;
  }

  static Map<String, Object> itemSchema() {
    return Schemas.object(
        List.of("object"),
        "lastSeen", Schemas.string("How long ago it was last seen."),
        "type", Schemas.string("Normal or Warning."),
        "reason", Schemas.string("Short reason, such as BackOff."),
        "object", Schemas.string("kind/name of the object."),
        "namespace", Schemas.string("Namespace of the event."),
        "message", Schemas.string("The message, on one line."),
        "count", Schemas.integer("How often it happened."));
  }
}
