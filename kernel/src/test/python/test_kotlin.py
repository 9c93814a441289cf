"""The Kotlin kernel, driven by Debian's jupyter_client: the same protocol as the Java kernel (its handlers are
shared), with Kotlin cells on the scripting host's REPL."""
from conftest import reply_to, results, run_cell, run_ok, stdout


def test_kernel_info_names_kotlin(kotlin_kernel):
    _, kc = kotlin_kernel
    info = reply_to(kc.get_shell_msg, kc.kernel_info())['content']
    assert info['language_info']['name'] == 'kotlin'
    assert info['language_info']['file_extension'] == '.kt'
    assert 'Kotlin' in info['banner']


def test_values_functions_and_classes_persist(kotlin_kernel):
    _, kc = kotlin_kernel
    reply, _ = run_cell(kc, 'val base = 40\nfun twice(x: Int) = 2 * x\ndata class Pair2(val a: Int, val b: Int)')
    assert reply['status'] == 'ok', reply
    reply, msgs = run_cell(kc, 'Pair2(base, twice(1))')
    assert results(msgs) == ['Pair2(a=40, b=2)']
    _, msgs = run_cell(kc, 'println("sum ${base + twice(1)}")')
    assert stdout(msgs) == 'sum 42\n'
    assert results(msgs) == []


def test_dsl_units_and_builders(kotlin_kernel):
    _, kc = kotlin_kernel
    msgs = run_ok(kc, 'val model = lif { tauM = 10.ms; vThreshold = (-52).mV }\n'
                      'val knet = network { dt = 0.1.ms; seed = 7 }\n'
                      'val kgroup = knet.group("g", 3, model)\n'
                      'knet.run(50.ms)\n'
                      '"%.4f %.1f %d".format(model.tauM(), model.vThreshold() * 1e3, knet.stepCount())')
    assert results(msgs) == ['0.0100 -52.0 500']


def test_is_complete_from_the_parser(kotlin_kernel):
    _, kc = kotlin_kernel
    for code, status in [('for (i in 0..2) {', 'incomplete'), ('val q = listOf(1,', 'incomplete'),
                         ('val q = 1', 'complete'), ('undefinedName + 1', 'complete'),
                         ('val = 7q', 'invalid'), ('val ok = 1\nval = 2', 'invalid'), ('1 +* 2', 'invalid'),
                         ('%%markdown\n# Title', 'incomplete'), ('%%markdown\n# Title\n', 'complete')]:
        content = reply_to(kc.get_shell_msg, kc.is_complete(code))['content']
        assert content['status'] == status, (code, content)


def test_completion_and_inspection_from_the_compiler(kotlin_kernel):
    _, kc = kotlin_kernel
    run_cell(kc, 'val completeNet = network { seed = 1 }')
    content = reply_to(kc.get_shell_msg, kc.complete('completeNet.gro', 15))['content']
    assert 'group(' in content['matches']
    assert content['cursor_start'] == 12 and content['cursor_end'] == 15
    kinds = {t['text']: t['type'] for t in content['metadata']['_jupyter_types_experimental']}
    assert kinds['group('] == 'function'
    content = reply_to(kc.get_shell_msg, kc.complete('lif { tau', 9))['content']
    assert 'tauM' in content['matches']
    content = reply_to(kc.get_shell_msg, kc.inspect('completeNet.group(', 18, 0))['content']
    assert content['found']
    assert 'NeuronGroup' in content['data']['text/plain']


def test_device_characterization_from_a_kotlin_cell(kotlin_kernel):
    _, kc = kotlin_kernel
    msgs = run_ok(kc, 'val curve = pulseResponse(rram(), 2, 10, 10, 1, 1L)\n'
                      '"${curve.rowCount()} ${curve.columnNames()}"')
    assert results(msgs) == ['40 [pulse, device, cycle, direction, G_uS]']


def test_crossbar_and_device_builders(kotlin_kernel):
    _, kc = kotlin_kernel
    msgs = run_ok(kc, 'val kxb = crossbar(16, 8) {\n'
                      '    device = pcm { c2c = 0.0; levels = 64 }\n'
                      '    wireResistance = 1.ohm\n'
                      '    dacBits = 8; adcBits = 10\n'
                      '}\n'
                      'val kw = Array(8) { j -> DoubleArray(16) { i -> if (i == j) 1.0 else 0.0 } }\n'
                      'kxb.program(kw, Crossbar.Programming.IDEAL)\n'
                      'val ky = kxb.mvm(DoubleArray(16) { 0.5 })\n'
                      '"${kxb.devices().model().levels()} ${ky.all { it > 0.4 && it < 0.55 }}"')
    assert results(msgs) == ['64 true']
    msgs = run_ok(kc, 'val kxs = crossbar(16, 8) { device = pcm { c2c = 0.0 }; readPrecision = Crossbar.ReadPrecision.SINGLE }\n'
                      '"${kxs.readPrecision()}"')
    assert results(msgs) == ['SINGLE']
    reply, _ = run_cell(kc, 'val bad = crossbar(4, 4) { wireResistance = 2.mV }')
    assert reply['status'] == 'error' and reply['ename'] == 'CompilationError'
    assert 'Resistance' in reply['evalue'], reply['evalue']


def test_ann_builders_name_the_positional_arguments(kotlin_kernel):
    # the builders make the same network, training and arrays as the positional calls they replace
    _, kc = kotlin_kernel
    msgs = run_ok(kc, 'val dsplit = digitsSplit()\n'
                      'val named = mlp(64, 8, 10) { seed = 3; hidden = Activation.TANH }\n'
                      'val positional = mlp(3, Activation.TANH, 64, 8, 10)\n'
                      'named.train(dsplit[0], null) { epochs = 2; batch = 32; rate = 0.1; momentum = 0.5; seed = 4 }\n'
                      'positional.train(dsplit[0], null, 2, 32, 0.1, 0.5, 4)\n'
                      'val onArrays = named.onCrossbars(dsplit[0]) { tile = 32; cells { device = rram(); seed = 7 } }\n'
                      'val byHand = CrossbarInference.program(positional, dsplit[0], 32,\n'
                      '    { i, o, k -> Crossbar.of(rram(), i, o).seed(k + 7L) }, Crossbar.Programming.VERIFY)\n'
                      '"${named.weights(1).contentDeepEquals(positional.weights(1))} "'
                      ' + "${onArrays.forward(dsplit[1].features()[0]).contentEquals(byHand.forward(dsplit[1].features()[0]))}"')
    assert results(msgs) == ['true true']


def test_a_rule_and_a_neuron_model_written_in_kotlin(kotlin_kernel):
    _, kc = kotlin_kernel
    msgs = run_ok(kc, 'val g = ReferenceNetworks.SONG_GMAX\n'
                      'val mineK = rule("pair STDP in Kotlin")\n'
                      '    .preTrace("x", 20.ms, 1.0).postTrace("y", 20.ms, 1.0)\n'
                      '    .onPre { it.w -= 0.0105 * g * it.post("y") }\n'
                      '    .onPost { it.w += 0.01 * g * it.pre("x") }\n'
                      '    .bounds(0.0, g)\n'
                      'val builtK = stdp().amplitudes(0.01 * g, 0.0105 * g).timeConstants(20.ms, 20.ms)'
                      '.bounds(0.0, g)\n'
                      'fun learnK(r: Plasticity): DoubleArray {\n'
                      '    val n = ReferenceNetworks.songMillerAbbott(1000, 3L, r); n.run(5.s)\n'
                      '    return n.projections()[0].weights() }\n'
                      '"same: ${learnK(mineK).contentEquals(learnK(builtK))}"')
    assert results(msgs) == ['same: true']
    msgs = run_ok(kc, 'val leaky = neuronModel("leaky").variable("v", 1.0)\n'
                      '    .derivative("v") { n -> -n.get("v") / 0.01 }\n'
                      '    .method(CustomNeuron.Method.RK4)\n'
                      'val ln = network { dt = 0.1.ms }\n'
                      'val lg = ln.group("g", 1, leaky)\n'
                      'ln.run(10.ms)\n'
                      '"%.6f".format(lg.dynamics().variable("v")[0])')
    assert results(msgs) == ['%.6f' % 0.36787944117144233]  # e^-1: RK4 at h = τ/100 is exact to 1e-10
    msgs = run_ok(kc, 'val sw = sweep(mapOf("tau" to listOf(10, 20, 40))) { p ->\n'
                      '    mapOf("half-life (ms)" to p.number("tau") * kotlin.math.ln(2.0)) }\n'
                      'sw.doubleColumn("half-life (ms)").asList().map { "%.2f".format(it) }')
    assert results(msgs) == ['[6.93, 13.86, 27.73]']


def test_arithmetic_cells_follow_kotlin_rules_and_see_redefinitions(kotlin_kernel):
    _, kc = kotlin_kernel
    run_cell(kc, 'var kArith = 41\nval kWide = 5000000000L')
    _, msgs = run_cell(kc, 'kArith + 1')
    assert results(msgs) == ['42']
    run_cell(kc, 'kArith = 1')
    _, msgs = run_cell(kc, 'kArith + kWide')
    assert results(msgs) == ['5000000001']
    reply, _ = run_cell(kc, 'kArith == kWide')
    assert reply['status'] == 'error' and reply['ename'] == 'CompilationError', reply
    run_cell(kc, 'val kArith = "text"')
    _, msgs = run_cell(kc, 'kArith + 1')
    assert results(msgs) == ['text1']


def test_who_timeit_and_load_in_kotlin(kotlin_kernel, tmp_path):
    _, kc = kotlin_kernel
    run_cell(kc, 'val kmagic = 6 * 7')
    _, msgs = run_cell(kc, '%who')
    assert any(line.split() == ['kmagic', 'int'] for line in results(msgs)[0].splitlines()), results(msgs)
    run_cell(kc, 'var kcount = 0')
    reply, msgs = run_cell(kc, '%timeit -n 4 -r 3 kcount++')
    assert reply['status'] == 'ok' and '3 runs, 4 loops each' in results(msgs)[0], (reply, msgs)
    _, msgs = run_cell(kc, 'kcount')
    assert results(msgs) == ['12']
    reply, msgs = run_cell(kc, '%timeit kotlin.math.sin(0.5)')
    assert reply['status'] == 'ok' and ' per loop (mean ± std. dev. of 7 runs, ' in results(msgs)[0], (reply, msgs)
    script = tmp_path / 'helpers.kts'
    script.write_text('fun cube(x: Double) = x * x * x\ncube(2.0)\n')
    reply, msgs = run_cell(kc, f'%load {script}')
    assert reply['status'] == 'ok' and results(msgs) == ['8.0'], (reply, msgs)
    _, msgs = run_cell(kc, 'cube(3.0)')
    assert results(msgs) == ['27.0']
