// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readGraph, cyclesOf, layersOf } = require('./check-lib-graph') as {
  readGraph: () => { graph: Map<string, Map<string, string>>; problems: string[] };
  cyclesOf: (graph: Map<string, Map<string, string>>) => string[][];
  layersOf: (graph: Map<string, Map<string, string>>) => string[][];
};

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([lib, to]) => [lib, new Map(to.map((t) => [t, `libs/${lib}/src/x.ts`]))]));

describe('check-lib-graph', () => {
  it('finds a cycle between libs, however long', () => {
    expect(cyclesOf(graphOf({ auth: ['notifications'], notifications: ['licensing'], licensing: ['auth'], core: [] }))).toEqual([['auth', 'notifications', 'licensing', 'auth']]);
    expect(cyclesOf(graphOf({ a: ['core'], b: ['a', 'core'], core: [] }))).toEqual([]);
  });

  it('puts each lib one layer above the highest lib it imports', () => {
    expect(layersOf(graphOf({ a: ['core'], b: ['a', 'core'], c: ['core'], core: [] }))).toEqual([['core'], ['a', 'c'], ['b']]);
  });

  it('reads the libs of this repository as a stack: no cycle, no lib reaching outside itself', () => {
    const { graph, problems } = readGraph();
    expect(problems).toEqual([]);
    expect(cyclesOf(graph)).toEqual([]);
    // access is below every domain: the primitives of who may do what import no domain.
    expect([...graph.get('access')!.keys()].sort()).toEqual(['core', 'database']);
    expect(graph.get('notifications')!.has('licensing')).toBe(false);
  });
});
