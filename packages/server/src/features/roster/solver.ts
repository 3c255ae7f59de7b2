// The HiGHS adapter: solves the roster MIP built by the domain. HiGHS is compiled to
// WebAssembly (npm `highs`); its .wasm file is read from node_modules, nothing is downloaded.
//
// Two phases on one model: first a roster that meets the requirements (staffing, standby,
// hours, rest) with the preference costs switched off, which HiGHS finds fast; then, from
// that roster as a start, the full objective (even weekends and standby, hours near the
// target) for the rest of the time limit.
import { buildRosterModel, decodeRosterSolution, greedyRoster, type RosterProblem, type RosterSolution } from '@jourbok/domain';
import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | null = null;

/** The solver, loaded once per process. */
function solver(): Promise<Highs> {
  highs ??= loadHighs();
  return highs;
}

export interface SolveOptions {
  /** stop after this many seconds with the best roster found */
  timeLimitSeconds: number;
  /** stop when the roster is proven within this relative gap of the best possible */
  mipGap: number;
}

export const defaultSolveOptions: SolveOptions = { timeLimitSeconds: 20, mipGap: 0.02 };

export interface SolvedRoster extends RosterSolution {
  /** HiGHS's model status of the last phase */
  status: string;
  objective: number | null;
  seconds: number;
  size: { binaries: number; continuous: number; rows: number };
}

// HiGHS model status codes (HighsModelStatus).
const STATUS: Record<number, string> = { 7: 'Optimal', 8: 'Infeasible', 13: 'Time limit reached', 14: 'Iteration limit reached', 16: 'Solution limit reached', 17: 'Interrupted' };

/** Builds, solves and decodes a rotation. Unmet requirements come back as `problems`, never as an exception. */
export async function solveRoster(problem: RosterProblem, options: SolveOptions = defaultSolveOptions): Promise<SolvedRoster> {
  const started = performance.now();
  const built = buildRosterModel(problem);
  const engine = await solver();
  const elapsed = () => (performance.now() - started) / 1000;
  return engine.withModel({ format: 'lp', data: built.lp }, (model) => {
    model.options.set({ output_flag: false, random_seed: 1, mip_rel_gap: options.mipGap });
    // A proven optimum, or any run that left a feasible primal solution (status 2 = feasible).
    const hasSolution = () => model.getModelStatus() === 7 || Number(model.info.get('primal_solution_status')) === 2;
    const preference = built.preferenceCosts.map((c) => ({ index: model.getColByName(c.name), cost: c.cost }));

    // Phase 1: the requirements only, from a quick constructive roster.
    for (const c of preference) model.changeColCost(c.index, 0);
    const start = greedyRoster(problem, built.shifts.open);
    const indices: number[] = [];
    const startValues: number[] = [];
    problem.staff.forEach((_, p) => {
      built.shifts.open.forEach((_, d) => {
        indices.push(model.getColByName(`x_${p}_${d}`), model.getColByName(`s_${p}_${d}`));
        startValues.push(start.open[p]![d] ? 1 : 0, start.standby[p]![d] ? 1 : 0);
      });
    });
    model.setSolution({ indices, values: startValues });
    model.options.set({ time_limit: Math.max(1, options.timeLimitSeconds * 0.7) });
    let status = model.run().modelStatus as number;
    let best: Float64Array | null = hasSolution() ? model.getSolution().colValue.slice() : null;
    let bestObjective: number | null = null;
    if (best) {
      // Phase 2: the full objective, from the first roster.
      for (const c of preference) model.changeColCost(c.index, c.cost);
      const left = options.timeLimitSeconds - elapsed();
      if (left > 0.5) {
        model.clearSolver();
        model.setSolution({ colValue: best });
        model.options.set({ time_limit: left });
        status = model.run().modelStatus as number;
        if (hasSolution()) {
          best = model.getSolution().colValue.slice();
          bestObjective = model.getObjectiveValue();
        }
      }
    }
    const seconds = elapsed();
    if (!best) {
      return {
        assignments: [],
        hours: [],
        problems: [...built.capacity, { requirement: 'solver' as const, message: `Lösaren hittade inget schema inom ${options.timeLimitSeconds} sekunder (${STATUS[status] ?? `status ${status}`}). Ge den mer tid eller minska kraven.` }],
        status: STATUS[status] ?? `status ${status}`,
        objective: null,
        seconds,
        size: built.size,
      };
    }
    const values = best;
    const index = new Map(built.decisionColumns.map((name) => [name, model.getColByName(name)]));
    const decoded = decodeRosterSolution(problem, built, (name) => values[index.get(name) ?? -1] ?? 0);
    // The objective of the full model (phase 1 alone leaves the preference costs out).
    const objective = bestObjective ?? built.preferenceCosts.reduce((sum, c) => sum + c.cost * (values[model.getColByName(c.name)] ?? 0), 0);
    return { ...decoded, status: STATUS[status] ?? `status ${status}`, objective, seconds, size: built.size };
  });
}
