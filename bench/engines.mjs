// The JavaScript engines the benchmark compares against, each run the same way; bundled for the browser by bench/run.

import { forceSimulation, forceLink, forceManyBody } from 'd3-force';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import createGraph from 'ngraph.graph';
import createLayout from 'ngraph.forcelayout';

/** Each engine: prepare(graph) -> {step(k), positions()}; positions are [x0, y0, ...]. */
export const ENGINES = {
  'd3-force': (g) => {
    const nodes = Array.from({ length: g.nodeCount }, (_, i) => ({ x: g.positions[2 * i], y: g.positions[2 * i + 1] }));
    const links = [];
    for (let k = 0; k < g.edges.length; k += 2) links.push({ source: g.edges[k], target: g.edges[k + 1] });
    const sim = forceSimulation(nodes).force('link', forceLink(links)).force('charge', forceManyBody()).stop();
    return {
      step: (k) => sim.tick(k),
      positions: () => Float32Array.from(nodes.flatMap((n) => [n.x, n.y])),
    };
  },
  'graphology-fa2': (g) => {
    const graph = new Graph({ multi: true, type: 'undirected' });
    for (let i = 0; i < g.nodeCount; i++) graph.addNode(i, { x: g.positions[2 * i], y: g.positions[2 * i + 1] });
    for (let k = 0; k < g.edges.length; k += 2) {
      if (g.edges[k] !== g.edges[k + 1]) graph.addEdge(g.edges[k], g.edges[k + 1]);
    }
    const settings = forceAtlas2.inferSettings(graph);
    return {
      step: (k) => forceAtlas2.assign(graph, { iterations: k, settings }),
      positions: () => {
        const out = new Float32Array(2 * g.nodeCount);
        graph.forEachNode((key, a) => { out[2 * key] = a.x; out[2 * key + 1] = a.y; });
        return out;
      },
    };
  },
  'ngraph.forcelayout': (g) => {
    const graph = createGraph();
    for (let i = 0; i < g.nodeCount; i++) graph.addNode(i);
    for (let k = 0; k < g.edges.length; k += 2) graph.addLink(g.edges[k], g.edges[k + 1]);
    const layout = createLayout(graph, { dimensions: 2 });
    for (let i = 0; i < g.nodeCount; i++) layout.setNodePosition(i, g.positions[2 * i], g.positions[2 * i + 1]);
    return {
      step: (k) => { for (let j = 0; j < k; j++) layout.step(); },
      positions: () => {
        const out = new Float32Array(2 * g.nodeCount);
        for (let i = 0; i < g.nodeCount; i++) { const p = layout.getNodePosition(i); out[2 * i] = p.x; out[2 * i + 1] = p.y; }
        return out;
      },
    };
  },
};
