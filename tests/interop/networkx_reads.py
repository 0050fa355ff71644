"""Reads Entente's GEXF and GraphML exports with NetworkX, an independent reader, and checks
what it finds: python3 networkx_reads.py FILE.gexf FILE.graphml ACTORS EVENTS.

Exits non-zero with a message when NetworkX is missing or a count differs."""

import sys

try:
    import networkx as nx
except ImportError:
    sys.exit("NetworkX is not installed: run scripts/lib.sh's need_networkx (pip install networkx)")


def check(label, graph, actors, events):
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    if (nodes, edges) != (actors, events):
        sys.exit(f"{label}: NetworkX reads {nodes} nodes and {edges} edges; expected {actors} and {events}")
    if graph.is_directed():
        sys.exit(f"{label}: NetworkX reads a directed graph; Entente ties have no direction")
    for node, data in graph.nodes(data=True):
        if data.get("type") not in ("state", "organization", "armed-group"):
            sys.exit(f"{label}: node {node} has no actor type: {data}")
    for u, v, data in graph.edges(data=True):
        if data.get("kind") not in ("defense", "diplomatic", "economic", "conflict"):
            sys.exit(f"{label}: edge {u}-{v} has no kind: {data}")
        if not data.get("sources"):
            sys.exit(f"{label}: edge {u}-{v} has no sources: {data}")
    print(f"{label}: {nodes} nodes, {edges} edges, NetworkX {nx.__version__}")


def main():
    gexf, graphml, actors, events = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    check(gexf, nx.read_gexf(gexf, version="1.3"), actors, events)
    g = nx.read_graphml(graphml)
    check(graphml, g, actors, events)
    if not g.graph.get("title"):
        sys.exit(f"{graphml}: the graph has no title: {g.graph}")


main()
