"""Writing the corpus out: a file per table (jsonl, csv, parquet) or one GraphML graph."""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from .errors import MissingExtra
from .output import write_rows

TABLES = ("articles", "entities", "aliases", "mentions", "posts", "quotes", "events", "event_evidence", "timeline",
          "failures")
FORMATS = ("jsonl", "csv", "parquet", "graphml")


def export(store, folder: Path, fmt: str) -> list[Path]:
    """Export the whole corpus into ``folder``; returns the files written."""
    from .store.schema import metadata

    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        return [write_graphml(store, folder / "newsgraph.graphml")]
    written = []
    for name in TABLES:
        rows = list(store.table_rows(name))
        columns = [c.name for c in metadata.tables[name].columns]
        path = folder / f"{name}.{fmt}"
        if fmt == "parquet":
            _parquet(rows, columns, path)
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                write_rows(rows, fmt, out, columns)
        written.append(path)
    return written


def _parquet(rows: list[dict], columns: list[str], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra("pyarrow", "parquet") from None
    pq.write_table(pa.table({c: [r.get(c) for r in rows] for c in columns}), path)


def write_graphml(store, path: Path) -> Path:
    """People and organisations as nodes; co-mentions, quotes-about and events as edges."""
    nodes, edges = store.graph()
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for key, target, kind in (("name", "node", "string"), ("label", "node", "string"), ("kind", "edge", "string"),
                              ("weight", "edge", "int"), ("date", "edge", "string")):
        ET.SubElement(root, f"{{{ns}}}key", id=key, attrib={"for": target, "attr.name": key, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{ns}}}graph", id="newsgraph", edgedefault="directed")
    for node in nodes:
        element = ET.SubElement(graph, f"{{{ns}}}node", id=f"e{node['id']}")
        for key in ("name", "label"):
            ET.SubElement(element, f"{{{ns}}}data", key=key).text = str(node[key])
    for number, edge in enumerate(edges):
        element = ET.SubElement(graph, f"{{{ns}}}edge", id=f"x{number}", source=f"e{edge['source']}",
                                target=f"e{edge['target']}")
        for key in ("kind", "weight", "date"):
            if edge.get(key) is not None:
                ET.SubElement(element, f"{{{ns}}}data", key=key).text = str(edge[key])
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path
