"""The trusted verdict's connection (grader/rpc.py) and test runner (grader/verdict.py), without
a kernel: the learner's side is a thread (or a forked process) serving a plain namespace."""

import json
import os
import socket
import threading

import numpy as np
import pytest

from dlcourse.testing import CheckFailed, check_array, check_unchanged, substituted
from grader import manifest, rpc, verdict
from grader import source as src


class Learner:
    """A learner's side serving ``namespace`` in a thread; ``peer`` is the trusted side."""

    def __init__(self, namespace: dict):
        a, b = socket.socketpair()
        self.namespace = namespace
        self.server = rpc.Peer(b, trusted=False, namespace=namespace)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        self.peer = rpc.Peer(a, trusted=True, hooks={"modules": verdict.TRUSTED_MODULES})
        self.error = None

    def _serve(self):
        try:
            self.server.serve()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self.error = exc

    def get(self, name):
        return self.peer.request({"op": "get", "name": name})["value"]

    def close(self):
        self.peer._send({"op": "done"}, [])
        self.thread.join(5)


@pytest.fixture
def learner():
    made = []

    def make(**namespace):
        made.append(Learner(namespace))
        return made[-1]

    yield make
    for m in made:
        m.close()


VALUES = [
    None, True, 3, -(2 ** 70), 2.5, float("inf"), 1e-300, "text", b"\x00bytes",
    [1, [2.0, "x"]], (1, (2,)), {"a": 1, 2: "b", (1, 2): None}, {1, 2}, frozenset({"z"}),
    np.arange(12.0).reshape(3, 4), np.array([[1, 2]], dtype=np.int32), np.array(True),
    np.float64(0.5), np.int64(7), np.bool_(False), np.array(["ab", "c"]),
    np.zeros((0, 3)), np.arange(6).reshape(2, 3).T,  # not C-contiguous
    slice(None, 3), slice(1, None, -2), (Ellipsis, 0),  # what x[:, t, :] of a tensor records
]


@pytest.mark.parametrize("value", VALUES, ids=[repr(v)[:30] for v in VALUES])
def test_plain_data_crosses_unchanged_with_its_type(learner, value):
    side = learner(value=value)
    got = side.get("value")
    assert type(got) is type(value)
    if isinstance(value, np.ndarray):
        assert got.dtype == value.dtype and got.shape == value.shape
        np.testing.assert_array_equal(got, value)
        assert got.flags.writeable
    elif isinstance(value, np.generic):
        assert got.dtype == value.dtype and got == value
    else:
        assert got == value


def test_nan_crosses(learner):
    assert np.isnan(learner(x=float("nan")).get("x"))


def test_functions_cross_as_handles_and_run_where_they_live(learner):
    where = []
    side = learner(f=lambda x: where.append(threading.current_thread().name) or x * 2)
    f = side.get("f")
    assert isinstance(f, rpc.Handle) and not callable(getattr(f, "__code__", None))
    np.testing.assert_array_equal(f(np.ones(3)), 2 * np.ones(3))
    assert where == [side.thread.name]  # ran on the learner's side


def test_a_trusted_stand_in_is_called_back_and_its_code_never_crosses(learner):
    side = learner()
    exec("def outer(x):\n    return inner(x) + 1", side.namespace)
    seen = []

    def stand_in(x):
        seen.append(threading.current_thread().name)
        return 10 * x

    restore = verdict.LearnerNamespace({}, side.peer).substitute({"inner": stand_in})
    assert isinstance(side.namespace["inner"], rpc.Handle)
    assert repr(side.namespace["inner"]) == "<function stand-in (in the other process)>"
    assert side.get("outer")(4) == 41
    assert seen and seen[0] != side.thread.name  # the stand-in ran on the trusted side
    restore()
    assert "inner" not in side.namespace


def test_in_place_changes_are_written_back(learner):
    side = learner()
    exec("def scale(a, d, lst):\n    a *= 2\n    d['k'] = 1\n    lst.append(3)\n",
         side.namespace)
    a, d, lst = np.ones(2), {}, []
    side.get("scale")(a, d, lst)
    np.testing.assert_array_equal(a, [2.0, 2.0])
    assert d == {"k": 1} and lst == [3]
    with pytest.raises(CheckFailed):  # a test of "leaves its input alone" can fail
        check_unchanged(np.ones(2), a, "a")


def test_the_same_object_twice_stays_one_object(learner):
    v = {"dW1": np.zeros(2)}
    side = learner(pair=(v, v), shared=({"a": v["dW1"]}, {"b": v["dW1"]}), apart=(v, dict(v)))
    a, b = side.get("pair")
    assert a is b
    x, y = side.get("shared")
    assert x["a"] is y["b"]
    p, q = side.get("apart")
    assert p is not q and p["dW1"] is q["dW1"]


def test_a_big_word_to_vector_map_crosses_as_one_array_and_keeps_identities(learner):
    words = {f"w{i}": np.full(3, float(i)) for i in range(2000)}
    side = learner(pair=(words, words["w7"]), odd={**words, "odd": np.zeros(2)})
    bufs: list = []
    node = side.peer.encode(words, bufs)
    assert node["$"] == "dictnd" and len(bufs) == 1  # one buffer, not 2000
    got, w7 = side.get("pair")
    assert list(got) == list(words) and w7 is got["w7"]
    np.testing.assert_array_equal(got["w1999"], words["w1999"])
    with pytest.raises(ValueError):  # the grader's copy is read-only: cheap to fingerprint
        got["w1"] += 1
    assert got["w1"][0] == 1.0 and got["w2"][0] == 2.0
    odd = side.get("odd")  # mixed shapes: one by one
    assert odd["odd"].shape == (2,) and odd["w3"][0] == 3.0


def test_a_big_value_unchanged_on_both_sides_is_not_sent_again(learner):
    words = {f"w{i}": np.full(3, float(i)) for i in range(2000)}
    rows = np.arange(6000.0).reshape(2000, 3)
    shared = {f"w{i}": rows[i] for i in range(2000)}  # rows of one array, as load_glove's

    def poke(d, key):  # a learner's function that changes its argument in place
        d[key][0] = -1.0

    side = learner(words=words, shared=shared, poke=poke)
    namespace = verdict.LearnerNamespace({}, side.peer)
    for name in ("words", "shared"):
        first = namespace[name]
        side.peer.epoch += 1  # as after a call: data must be asked for again
        sent = []
        send = side.server._send
        side.server._send = lambda header, bufs: (sent.append(len(bufs)), send(header, bufs))
        assert namespace[name] is first and sent == [0]  # "held": no data crossed
        side.server._send = send
        namespace["poke"](first, "w5")  # changed in the learner's process: sent again
        assert first["w5"][0] == -1.0  # (written back into the grader's copy)
        again = namespace[name]
        assert again is not first and again["w5"][0] == -1.0
        with pytest.raises(TypeError, match="read-only"):  # a test cannot change it here
            again["w6"] = np.full(3, -2.0)
        with pytest.raises(ValueError):
            again["w6"][0] = -2.0
        assert isinstance(again, dict) and dict(again).keys() == words.keys()


def test_a_trusted_object_handed_to_the_learner_can_be_used_but_not_opened(learner):
    side = learner()
    exec("def fit_and_predict(make, x):\n    return make().fit(x).predict(x)\n", side.namespace)

    class Model:  # a test's tiny model, as c3w1a2's learning-curve test hands over
        def fit(self, x):
            self.mean_ = float(np.mean(x))
            return self

        def predict(self, x):
            return x - self.mean_

    np.testing.assert_allclose(side.get("fit_and_predict")(Model, np.array([1.0, 3.0])),
                               [-1.0, 1.0])


def test_errors_keep_their_builtin_name_and_others_are_named(learner):
    side = learner()
    exec("def blank():\n    raise NotImplementedError()\n"
         "class Mine(Exception):\n    pass\n"
         "def odd():\n    raise Mine('boom')\n", side.namespace)
    with pytest.raises(NotImplementedError):
        side.get("blank")()
    with pytest.raises(rpc.RemoteError, match="Mine: boom"):
        side.get("odd")()


def test_no_pickle_and_no_object_array_crosses(learner):
    side = learner(objs=np.array([1, "a"], dtype=object))
    got = side.get("objs")  # elementwise, as plain values
    assert got.dtype == object and list(got) == [1, "a"]
    buf = np.array([1.0]).tobytes()
    with pytest.raises(ValueError, match="objects"):
        side.peer.decode({"$": "nd", "b": 0, "dtype": "|O", "shape": [1]}, [buf])
    with pytest.raises(ValueError, match="unknown kind"):
        side.peer.decode({"$": "pickle", "b": 0}, [b"cos\nsystem\n"])


def test_the_learners_side_may_only_call_back_what_it_was_given():
    """A learner's kernel that sends requests of its own gets them refused."""
    a, b = socket.socketpair()
    trusted = rpc.Peer(a, trusted=True)
    rogue = rpc.Peer(b, trusted=False)
    secret = {"hidden": "tests"}
    trusted.namespace = secret
    stand_in = trusted.encode(lambda x: x, [])  # a stand-in the trusted side handed over
    empty = {"$": "tuple", "v": [{"$": "tuple", "v": []}, {"$": "dict", "k": [], "v": []}]}
    for op, extra in (("get", {}), ("subst", {}), ("seed", {}), ("restore", {}),
                      ("getattr", {"ref": stand_in["id"], "name": "__globals__"})):
        rogue._send({"op": op, "name": "hidden", "what": "numpy", "call": empty, **extra}, [])
        msg, _ = trusted._recv()
        trusted._serve_one(msg, [])
        reply, _ = rogue._recv()
        assert "error" in reply and "refused" in reply["error"]["evalue"], reply
    assert secret == {"hidden": "tests"}


def test_a_module_the_trusted_side_does_not_know_is_refused(learner):
    side = learner()
    with pytest.raises(ValueError, match="cannot be brought over"):
        side.peer.decode({"$": "module", "name": "antigravity"}, [])
    assert side.peer.decode({"$": "module", "name": "numpy"}, []) is np


def test_a_truncated_message_is_a_lost_connection():
    a, b = socket.socketpair()
    b.sendall(b"\x00\x00\x00\x00\x00\x00\x00\x10{\"op\"")
    b.close()
    with pytest.raises(rpc.ConnectionLost):
        rpc.Peer(a, trusted=True)._recv()


def test_run_cell_judges_here_with_the_learners_functions(learner):
    side = learner()
    exec("import numpy as np\ndef sigmoid(x):\n    return 1 / (1 + np.exp(x))\n",
         side.namespace)  # a wrong sigmoid ...
    # ... and a learner who rebinds the check helper in their own namespace
    side.namespace["check_array"] = lambda *a, **k: None
    base = verdict.base_namespace(verdict.trusted_imports(
        ["import numpy as np\nfrom dlcourse.testing import check_array\n"
         "from my_helpers import check_everything\n"]))  # a local module: never imported here
    assert "check_everything" not in base and base["check_array"] is check_array
    text, error = verdict.run_cell("print('running')\n"
                                   "check_array(sigmoid(np.zeros(2) + 2), 1 / (1 + np.exp(-2)) "
                                   "* np.ones(2), 'sigmoid(2)')\n", "test_sigmoid", base,
                                   side.peer)
    assert text == "running\n"
    assert error["ename"] == "CheckFailed" and "sigmoid(2)" in error["evalue"]
    assert error["traceback"] == [f"CheckFailed: {error['evalue']}"]


def test_seeding_in_a_test_seeds_the_learners_generator_too():
    """The learner's side is another process here (seeding is per process)."""
    a, b = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        a.close()
        ns: dict = {}
        exec("import numpy as np\ndef draw():\n    return np.random.rand(3)\n", ns)
        np.random.seed(123)  # whatever state the learner's notebook left
        rpc.Peer(b, trusted=False, namespace=ns).serve()
        os._exit(0)
    b.close()
    try:
        peer = rpc.Peer(a, trusted=True)
        base = verdict.base_namespace(verdict.trusted_imports(["import numpy as np"]))
        np.random.seed(0)
        expected = np.random.rand(3)
        text, error = verdict.run_cell("np.random.seed(0)\nprint(draw().tolist())\n", "t", base,
                                       peer)
        peer._send({"op": "done"}, [])
        assert error is None
        np.testing.assert_allclose(json.loads(text), expected)
    finally:
        os.waitpid(pid, 0)


def test_test_cells_see_what_earlier_test_cells_bound_until_the_notebook_rebinds_it(learner):
    side = learner(shared=1)
    judge_keep: dict = {}
    base = verdict.base_namespace([])
    verdict.run_cell("shared = 2\n_helper = 3\n", "first", base, side.peer, judge_keep)
    assert judge_keep == {"shared": 2, "_helper": 3}
    text, _ = verdict.run_cell("print(shared, _helper)\n", "second", base, side.peer,
                               judge_keep)
    assert text == "2 3\n"


def test_substituted_reaches_the_learners_namespace(learner):
    side = learner()
    exec("def f(x):\n    return g(x) * 2\ndef g(x):\n    return -1\n", side.namespace)
    base = verdict.base_namespace(verdict.trusted_imports(
        ["from dlcourse.testing import substituted"]))
    text, error = verdict.run_cell(
        "with substituted(globals(), g=lambda x: x + 1):\n    print(f(1))\nprint(f(1))\n",
        "t", base, side.peer)
    assert error is None and text == "4\n-2\n"
    assert substituted is base["substituted"]


def test_a_lost_kernel_fails_the_test_with_a_message():
    a, b = socket.socketpair()
    pid = os.fork()
    if pid == 0:  # a kernel that dies in the middle of a call
        a.close()
        rpc.Peer(b, trusted=False, namespace={"f": lambda: os._exit(0)}).serve()
        os._exit(1)
    b.close()
    try:
        peer = rpc.Peer(a, trusted=True)
        text, error = verdict.run_cell("f()\n", "t", {"__builtins__": __builtins__}, peer)
        assert error["ename"] == "KernelStopped"
    finally:
        os.waitpid(pid, 0)


def test_keras_models_cross_as_configuration_and_weights_in_safe_mode(learner):
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="relu")])
    side = learner(model=model)
    got = side.get("model")
    assert got is not model and len(got.layers) == 1
    for w, v in zip(got.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(w, v)
    lam = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x * 2)])
    side2 = learner(model=lam)
    with pytest.raises(ValueError, match="holds a Lambda layer .*use keras.ops"):
        side2.get("model")
    # a learner's side that skips that courtesy check is refused by the grader's safe mode
    config = json.loads(json.dumps(keras.saving.serialize_keras_object(lam), default=str))
    with pytest.raises(Exception, match="(?i)lambda|safe"):
        side2.peer.decode({"$": "keras", "config": config, "weights": []}, [])


TRUSTED = [a for a in manifest.available() if a.verdict == "trusted"]


@pytest.mark.parametrize("assignment", TRUSTED, ids=[a.id for a in TRUSTED])
def test_no_cell_relies_on_what_a_test_cell_bound(assignment):
    """With the trusted verdict a test cell's names stay in the grader: no other cell of the
    notebook may read them (else the learner's notebook and the graded one would differ)."""
    assert src.test_cell_dependencies(src.read_source(assignment.source_path)) == []


def test_a_cell_reading_a_name_a_test_cell_bound_is_reported():
    import nbformat

    nb = nbformat.v4.new_notebook()
    test = nbformat.v4.new_code_cell("helper = 3", metadata={
        "nbgrader": {"grade": True, "solution": False, "grade_id": "test_f", "points": 1}})
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), test,
                nbformat.v4.new_code_cell("print(helper + x)"),
                nbformat.v4.new_code_cell("helper = 4\nprint(helper)")]
    problems = src.test_cell_dependencies(nb)
    assert len(problems) == 1 and "'helper'" in problems[0] and "test_f" in problems[0]


def test_tensorflow_traces_and_differentiates_a_learner_function_in_its_own_process(learner):
    """tf.function, Dataset.map and a gradient tape need the function where it lives: the
    kernel makes those calls (dlcourse.testing.call_as) and only values come back."""
    import tensorflow as tf

    from dlcourse.testing import dataset_map, gradients

    def linear(x, params):
        return params["w"] * x + params["b"]

    def with_numpy(x):  # works eagerly, fails when traced
        return tf.constant(np.sum(x.numpy()))

    side = learner(linear=linear, with_numpy=with_numpy, one_hot=lambda k: tf.one_hot(k, 3))
    ns = verdict.LearnerNamespace({}, side.peer)
    params = {"w": tf.Variable(2.0), "b": tf.Variable(0.5), "unused": tf.Variable(1.0)}
    with verdict.graphs_made_in_kernel():
        traced = tf.function(ns["linear"])
        assert float(traced(tf.constant(3.0), params)) == 6.5
        assert float(ns["with_numpy"](tf.constant([1.0, 2.0]))) == 3.0  # eager: fine
        with pytest.raises(Exception, match="(?i)numpy|symbolic"):
            tf.function(ns["with_numpy"])(tf.constant([1.0, 2.0]))

        @tf.function  # the grader's own functions are traced here, as before
        def double(x):
            return 2 * x

        assert float(double(tf.constant(2.0))) == 4.0
    rows = dataset_map(ns["one_hot"], np.array([2, 0], dtype=np.int64))
    np.testing.assert_array_equal(np.stack(rows), [[0, 0, 1], [1, 0, 0]])
    out, (gx, gp) = gradients(ns["linear"], tf.constant(3.0), params)
    assert float(out) == 6.5 and gx is None
    assert float(gp["w"]) == 3.0 and float(gp["b"]) == 1.0 and gp["unused"] is None
    # the same helpers on a plain function give the same, made here
    out2, (_, gp2) = gradients(linear, tf.constant(3.0), params)
    assert float(out2) == 6.5 and float(gp2["w"]) == 3.0 and gp2["unused"] is None


def test_a_big_word_to_index_map_crosses_as_two_lists_and_stays_read_only(learner):
    index = {f"w{i}": i for i in range(3000)}
    side = learner(index=index, floats={f"w{i}": i / 7 for i in range(100)})
    bufs: list = []
    assert side.peer.encode(index, bufs)["$"] == "dictkv" and bufs == []
    got = side.get("index")
    assert got == index and type(got) is rpc.FrozenDict
    assert rpc._fingerprint(got, readonly_stays=True) == ("frozen", id(got))
    with pytest.raises(TypeError):
        got.pop("w1")
    assert side.get("floats") == {f"w{i}": i / 7 for i in range(100)}


def test_a_frozen_base_model_comes_back_frozen_layer_by_layer(learner):
    """A Keras configuration loses the trainable flag of a nested model's InputLayer: the
    flags cross too, so a test counting the base's trainable layers sees the kernel's."""
    import keras

    inp = keras.Input((4,))
    base = keras.Model(inp, keras.layers.Dense(2)(keras.layers.Dense(3)(inp)))
    base.trainable = False
    top_in = keras.Input((4,))
    model = keras.Model(top_in, keras.layers.Dense(1)(base(top_in)))
    got = learner(model=model).get("model")
    assert [x.trainable for x in got.layers[1].layers] == [False, False, False]
    assert got.layers[-1].trainable and len(got.trainable_weights) == 2


def test_a_model_a_learners_function_unfreezes_is_unfrozen_in_the_test_too(learner):
    import keras

    def unfreeze(model):
        model.trainable = True
        model.layers[-1].set_weights([w + 1 for w in model.layers[-1].get_weights()])
        return 0

    inp = keras.Input((3,))
    model = keras.Model(inp, keras.layers.Dense(2)(inp))
    model.trainable = False
    before = model.layers[-1].get_weights()[1].copy()
    side = learner(unfreeze=unfreeze)
    assert side.peer.request({"op": "get", "name": "unfreeze"})["value"](model) == 0
    assert model.trainable and all(x.trainable for x in model.layers[1:])
    np.testing.assert_allclose(model.layers[-1].get_weights()[1], before + 1)


def test_a_model_passed_again_unchanged_crosses_once(learner):
    import keras

    inp = keras.Input((3,))
    model = keras.Model(inp, keras.layers.Dense(2)(inp))
    seen = []
    side = learner(keep=lambda m: seen.append(m) or len(seen))
    keep = side.peer.request({"op": "get", "name": "keep"})["value"]
    sent = []
    send = side.peer._send
    side.peer._send = lambda header, bufs: (sent.append(len(bufs)), send(header, bufs))
    assert keep(model) == 1 and keep(model) == 2
    assert sent[0] == 2 and sent[1] == 0  # weights sent the first time only
    assert seen[0] is seen[1]  # one object in the learner's process, as in one kernel
    model.layers[-1].set_weights([np.ones((3, 2)), np.zeros(2)])  # changed: sent again
    assert keep(model) == 3 and sent[2] == 2 and seen[2] is not seen[1]
    np.testing.assert_array_equal(seen[2].layers[-1].get_weights()[0], np.ones((3, 2)))


def test_a_model_kept_from_an_earlier_submission_is_what_a_fresh_read_would_give(learner):
    """The trusted side keeps the models it read (rebuilding one is slow) for the next
    submission: taken back, one must hold that submission's weights, flags and seed states,
    whatever the earlier submission's test did to it; one a test compiled or called on
    symbolic tensors is not kept."""
    import keras

    def make(seed):  # explicit names: each kernel is fresh, so its models' names repeat
        keras.utils.set_random_seed(seed)
        base_in = keras.Input((4, 4, 2), name="base_in")
        base = keras.Model(base_in, keras.layers.Conv2D(3, 3, name="conv")(base_in), name="base")
        base.trainable = False
        inp = keras.Input((4, 4, 2), name="pictures")
        x = keras.layers.RandomFlip("horizontal", seed=5, name="flip")(inp)
        x = keras.layers.Flatten(name="flat")(base(x, training=False))
        return keras.Model(inp, keras.layers.Dense(1, name="head")(x), name="model")

    pool = verdict.KerasPool()
    x = np.random.default_rng(0).normal(size=(16, 4, 4, 2)).astype("float32")

    def submission(seed):
        side = learner(model=make(seed))
        lease = verdict.PoolLease(pool)
        side.peer.hooks["keras_pool"] = lease
        return side.namespace["model"], side.get("model"), lease

    first_src, first, lease = submission(1)
    first.layers[-1].set_weights([np.ones((12, 1)), np.ones(1)])  # what a test may do
    first.get_layer("base").trainable = True
    first(x, training=True)  # advances the flip's seed state
    lease.close()

    src2, second, lease = submission(2)
    assert second is first  # taken back, not rebuilt
    for got, want in zip(second.get_weights(), src2.get_weights()):
        np.testing.assert_array_equal(got, want)
    assert rpc._trainable_flags(second) == rpc._trainable_flags(src2)
    assert len(second.trainable_weights) == 2  # the base frozen again
    np.testing.assert_allclose(second(x, training=True), src2(x, training=True), atol=1e-6)
    second.compile(optimizer="sgd", loss="mse")  # state a configuration does not hold
    lease.close()

    _, third, lease = submission(3)
    assert third is not second  # the compiled one was dropped
    wrapper_in = keras.Input((4, 4, 2))
    keras.Model(wrapper_in, third(wrapper_in))  # a symbolic call
    lease.close()
    _, fourth, lease = submission(4)
    assert fourth is not third
    lease.close()


def _residual(X, filters, initializer=None):
    """A learner's block: Conv2D -> BN -> ReLU -> Conv2D, the input added, ReLU."""
    import keras

    init = initializer(seed=0) if initializer else "glorot_uniform"
    h = keras.layers.Conv2D(filters, 1, kernel_initializer=init)(X)
    h = keras.layers.Activation("relu")(keras.layers.BatchNormalization()(h, training=False))
    h = keras.layers.Conv2D(X.shape[-1], 3, padding="same", kernel_initializer=init)(h)
    return keras.layers.Activation("relu")(keras.layers.Add()([h, X]))


def test_a_learners_block_called_on_a_tests_input_comes_back_as_its_layers(learner):
    """A test calls a learner's block on its own symbolic Input: the Input crosses as a new
    one, the block's layers come back (configuration, weights, call arguments) and are
    wired onto the test's tensor, so the test's Model holds them one by one."""
    import keras

    def ones(seed=None):  # an initializer 'class' of the test: called back, its result crosses
        return keras.initializers.Constant(0.1)

    side = learner(block=_residual)
    inp = keras.Input((4, 4, 3))
    out = side.get("block")(inp, 2, initializer=ones)
    model = keras.Model(inp, out)
    assert [type(x).__name__ for x in model.layers] == [
        "InputLayer", "Conv2D", "BatchNormalization", "Activation", "Conv2D", "Add",
        "Activation"]
    assert model.layers[2]._inbound_nodes[0].arguments.kwargs == {"training": False}
    assert model.layers[1].kernel_initializer.get_config() == {"value": 0.1}
    local = keras.Model(inp, _residual(inp, 2, initializer=ones))
    x = np.random.default_rng(0).normal(size=(2, 4, 4, 3)).astype("float32")
    np.testing.assert_allclose(model(x), local(x), atol=1e-6)


def test_a_stand_in_called_back_on_the_learners_tensors_stays_in_the_grader(learner):
    """A learner's network calls the test's stand-in block on its own tensors: the stand-in
    builds its layers here and the learner's side gets a placeholder of the right shape (the
    layers are never rebuilt there); the model that comes back holds the stand-in's own
    layers, the learner's layers copied, and the learner's side cannot run it."""
    import keras

    def network(block):
        i = keras.Input((6, 6, 3))
        h = keras.layers.Conv2D(3, 3, padding="same", name="stem")(i)
        h = block(block(h, 4), 4)
        out = keras.layers.Dense(2, activation="softmax", name="head")(
            keras.layers.Flatten()(h))
        model = keras.Model(i, out)
        try:
            model(np.zeros((1, 6, 6, 3), "float32"))
        except RuntimeError as exc:
            return model, str(exc)
        return model, ""

    made = []

    def stand_in(X, filters):
        layer = keras.layers.Conv2D(X.shape[-1], 1)
        made.append(layer)
        return layer(X)

    side = learner(network=network)
    verdict._grader_layer_names()
    model, ran = side.get("network")(stand_in)
    assert [type(x).__name__ for x in model.layers] == [
        "InputLayer", "Conv2D", "Conv2D", "Conv2D", "Flatten", "Dense"]
    assert model.layers[2] is made[0] and model.layers[3] is made[1]  # the stand-in's own
    assert [x.name for x in model.layers[1:4:2]] == ["stem", made[1].name]
    x = np.random.default_rng(1).normal(size=(3, 6, 6, 3)).astype("float32")
    np.testing.assert_allclose(np.asarray(model(x)).sum(axis=1), np.ones(3), rtol=1e-5)
    assert "stand-in" in ran  # ... which the learner's side could build but not run


@pytest.mark.parametrize("node, message", [
    ({"$": "kgraph", "records": [{"k": "standin", "in": [], "shape": [None, 2],
                                  "dtype": "float32", "n": 1}], "out": [0, 0]},
     "stand-in's output sent to the grader"),
    ({"$": "kgraph", "records": [{"k": "yours", "n": 99}], "out": [0, 0]},
     "never had"),
    ({"$": "kgraph", "records": [{"k": "input", "shape": [None, 2], "dtype": "float32",
                                  "n": 1}], "out": [5, 0]}, "malformed graph"),
    ({"$": "kgraph", "records": ["x"], "out": [0, 0]}, "malformed graph"),
    ({"$": "kback", "token": 3}, "unknown layer"),
    ({"$": "ktr", "r": [0, 0]}, "malformed graph"),
    ({"$": "kinit", "config": {"class_name": "Dense", "config": {"units": 1},
                               "module": "keras.layers"}}, "not an initializer"),
])
def test_a_forged_graph_from_the_kernel_is_refused_with_a_message(learner, node, message):
    pytest.importorskip("keras")
    side = learner()
    with pytest.raises(ValueError, match=message):
        side.peer.decode(node, [])


def test_a_layer_built_by_the_learners_function_and_returned_crosses(learner):
    """The layer a test passes in is built by the learner's function (changed in place) and
    returned: it crosses whole in the value and by token in the changes, which are read in
    that order."""
    import keras

    def build(layer):
        layer.build((None, 3))
        return layer

    given = keras.layers.Dense(2, name="given")  # not built yet
    got = learner(build=build).get("build")(given)
    assert got.name == "given" and got.built and got.count_params() == 8
