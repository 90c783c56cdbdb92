"""How much c2w3a1's test accuracy moves between runs (issue 18: "the test set is large enough
that accuracy does not jump by 15 points between runs").

    python benchmarks/c2w3a1_spread.py [--seeds 1,2,3,4,5]

Runs the reference notebook once (demo cells included, so `model` and the datasets exist), then
trains the network again for each GlorotNormal seed and prints, per seed, the final training
accuracy, the test accuracy (mean of the last 10 epochs, as the notebook states it) and the
largest change of the test accuracy between two consecutive epochs after epoch 30. Prints
figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nbformat  # noqa: E402

from grader import devtools, manifest  # noqa: E402

RUN = """
import json as _json
def _initialize_seeded(seed):
    init = tf.keras.initializers.GlorotNormal(seed=seed)
    shapes = {"W1": (25, 12288), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1),
              "W3": (6, 12), "b3": (6, 1)}
    return {k: tf.Variable(init(shape=s) if k[0] == "W" else tf.zeros(s), name=k)
            for k, s in shapes.items()}
_saved_init = initialize_parameters
initialize_parameters = lambda: _initialize_seeded(SEED)
try:
    _p, _c, _tr, _te = model(new_train, new_y_train, new_test, new_y_test, num_epochs=100,
                             print_cost=False)
finally:
    initialize_parameters = _saved_init
_jumps = [abs(b - a) for a, b in zip(_te[30:], _te[31:])]
print("RESULT", _json.dumps({"train": _tr[-1], "test": float(np.mean(_te[-10:])),
                             "test_last": _te[-1], "jump": max(_jumps),
                             "m_test": int(new_test.cardinality())}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1,2,3,4,5")
    args = ap.parse_args()
    a = manifest.get("c2w3a1")
    rows = []
    with devtools.Session(a) as s:
        s.run_reference(skip_demo=False)
        for seed in [int(x) for x in args.seeds.split(",")]:
            t = time.perf_counter()


            code = f"SEED = {seed}\n" + RUN
            c = nbformat.v4.new_code_cell(code)
            s.nb.cells.append(c)
            try:
                s.client.execute_cell(c, len(s.nb.cells) - 1)
            finally:
                s.nb.cells.pop()
            text = "".join(o.get("text", "") for o in c.outputs if o.output_type == "stream")
            line = next(x for x in text.splitlines() if x.startswith("RESULT "))
            r = json.loads(line[len("RESULT "):])
            r["seed"], r["seconds"] = seed, time.perf_counter() - t
            rows.append(r)
            print(f"seed {seed}: train {r['train']:.3f}, test (mean of last 10 epochs) "
                  f"{r['test']:.3f}, test after the last epoch {r['test_last']:.3f}, largest "
                  f"epoch-to-epoch change after epoch 30 {r['jump']:.3f} "
                  f"({r['seconds']:.0f} s)", flush=True)
    tests = [r["test"] for r in rows]
    print(f"\n{len(rows)} seeds, {rows[0]['m_test']} test pictures: test accuracy "
          f"{min(tests):.3f} to {max(tests):.3f} (spread {max(tests) - min(tests):.3f}); "
          f"largest epoch-to-epoch change {max(r['jump'] for r in rows):.3f}")


if __name__ == "__main__":
    main()
