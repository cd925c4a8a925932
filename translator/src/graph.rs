//! The module graph: which file imports which, its cycles and a port order.

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

/// Modules are indices into the caller's module list; an edge `a → b`
/// means `a` imports `b`.
pub struct ModuleGraph {
    graph: DiGraph<(), ()>,
}

pub struct GraphAnalysis {
    /// Every module once, dependencies before dependents (leaves first).
    /// Modules of one cycle are adjacent, ordered by index.
    pub order: Vec<usize>,
    /// Strongly connected components with more than one module, or a
    /// module importing itself. Each sorted; listed in port order.
    pub cycles: Vec<Vec<usize>>,
    pub fan_in: Vec<usize>,
    pub fan_out: Vec<usize>,
}

impl ModuleGraph {
    pub fn new(module_count: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut graph = DiGraph::with_capacity(module_count, 0);
        for _ in 0..module_count {
            graph.add_node(());
        }
        let mut edges: Vec<(usize, usize)> = edges.into_iter().collect();
        edges.sort_unstable();
        edges.dedup();
        for (from, to) in edges {
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        }
        ModuleGraph { graph }
    }

    pub fn analyze(&self) -> GraphAnalysis {
        let n = self.graph.node_count();
        let mut fan_in = vec![0; n];
        let mut fan_out = vec![0; n];
        for edge in self.graph.raw_edges() {
            fan_out[edge.source().index()] += 1;
            fan_in[edge.target().index()] += 1;
        }
        // Tarjan yields components in reverse topological order of the
        // import edges, i.e. imported modules first: exactly a port order.
        let mut order = Vec::with_capacity(n);
        let mut cycles = Vec::new();
        for component in tarjan_scc(&self.graph) {
            let mut members: Vec<usize> = component.iter().map(|i| i.index()).collect();
            members.sort_unstable();
            let self_loop = members.len() == 1
                && self
                    .graph
                    .contains_edge(NodeIndex::new(members[0]), NodeIndex::new(members[0]));
            if members.len() > 1 || self_loop {
                cycles.push(members.clone());
            }
            order.extend(members);
        }
        GraphAnalysis {
            order,
            cycles,
            fan_in,
            fan_out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_first_and_cycles() {
        // 0 → 1 → 2, 2 → 3 → 2 (cycle), 4 self-import
        let g = ModuleGraph::new(5, [(0, 1), (1, 2), (2, 3), (3, 2), (4, 4), (0, 1)]);
        let a = g.analyze();
        let pos = |m: usize| a.order.iter().position(|&x| x == m).unwrap();
        assert!(pos(2) < pos(1) && pos(3) < pos(1) && pos(1) < pos(0));
        let mut cycles = a.cycles.clone();
        cycles.sort();
        assert_eq!(cycles, vec![vec![2, 3], vec![4]]);
        assert_eq!(a.fan_out[0], 1, "duplicate edges count once");
        assert_eq!(a.fan_in[2], 2);
        assert_eq!(a.order.len(), 5);
    }
}
