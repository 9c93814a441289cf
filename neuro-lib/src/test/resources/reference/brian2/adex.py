"""Brian2 reference for the AdEx neuron (Brette & Gerstner 2005), written for Neuromorph's tests.

One neuron per step current, the published parameters, forward Euler, spike when v > V_peak (0 mV here), reset
v = V_r = E_L and w += b, no refractory period. Writes adex.json beside this script.
Run with Debian's Brian2: /usr/bin/python3 adex.py
"""
import json
import os

import brian2 as b2
from brian2 import amp, ms, mV, nA, nS, pF, second, volt

b2.prefs.codegen.target = 'numpy'

PARAMS = dict(C=281 * pF, gL=30 * nS, EL=-70.6 * mV, VT=-50.4 * mV, DeltaT=2 * mV, tauw=144 * ms,
              a=4 * nS, b=0.0805 * nA, Vr=-70.6 * mV, Vpeak=0 * mV)
CURRENTS_NA = [0.5, 0.65, 0.8, 1.0, 1.5]
DURATION = 500 * ms

EQS = '''
dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) - w + I)/C : volt
dw/dt = (a*(v - EL) - w)/tauw : amp
I : amp
'''


def run(dt_ms):
    b2.start_scope()
    b2.defaultclock.dt = dt_ms * ms
    group = b2.NeuronGroup(len(CURRENTS_NA), EQS, threshold='v > Vpeak', reset='v = Vr; w += b',
                           method='euler', namespace=PARAMS)
    group.v = PARAMS['EL']
    group.w = 0 * amp
    group.I = [i * 1e-9 for i in CURRENTS_NA] * amp
    spikes = b2.SpikeMonitor(group)
    b2.run(DURATION)
    trains = spikes.spike_trains()
    return [{'scheme': 'euler', 'dt_ms': dt_ms, 'current_nA': i, 'spike_times_s': [float(t / second) for t in trains[k]]}
            for k, i in enumerate(CURRENTS_NA)]


results = {'cases': [case for dt in (0.1, 0.01) for case in run(dt)]}
out = {
    'benchmark': 'adex', 'brian2': b2.__version__, 'target': 'numpy',
    'params': {k: float(v) for k, v in PARAMS.items()} | {'currents_nA': CURRENTS_NA,
                                                          'duration_s': float(DURATION / second)},
    'units': 'SI (F, S, V, s, A); spike times in seconds',
    'results': results,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'adex.json'), 'w') as f:
    json.dump(out, f, indent=1)
