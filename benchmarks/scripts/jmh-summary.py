#!/usr/bin/env python3
"""Summarises a JMH JSON result (-rf json): per benchmark and parameter, the median of the
measurement iterations (ns/op or ops/s as JMH reported them), the median B/op from -prof gc,
and the ratio of every snmp4j_X to varbind_X of the same parameters."""
import json
import statistics
import sys


def median_of_iterations(metric):
    raw = [x for fork in metric.get('rawData', []) for x in fork]
    return statistics.median(raw) if raw else metric['score']


rows = {}
for r in json.load(open(sys.argv[1])):
    cls, method = r['benchmark'].rsplit('.', 1)
    params = ','.join(f'{k}={v}' for k, v in sorted(r.get('params', {}).items()))
    pm = r['primaryMetric']
    alloc = r.get('secondaryMetrics', {}).get('gc.alloc.rate.norm') or r.get('secondaryMetrics', {}).get('·gc.alloc.rate.norm')
    rows[(cls.split('.')[-1], params, method)] = (median_of_iterations(pm), pm['scoreUnit'],
                                                  median_of_iterations(alloc) if alloc else None)

print(f"{'benchmark':<44}{'params':<22}{'median':>12} {'unit':<8}{'B/op':>10}  vs SNMP4J")
for (cls, params, method), (score, unit, alloc) in sorted(rows.items()):
    ratio = ''
    if method.startswith('varbind_'):
        other = rows.get((cls, params, 'snmp4j_' + method[len('varbind_'):]))
        if other:
            # time units: higher is slower; throughput units: higher is faster
            x = other[0] / score if unit.endswith('/op') else score / other[0]
            ratio = f'{x:.1f}x faster'
    b = '' if alloc is None else f'{alloc:.0f}'
    print(f"{cls + '.' + method:<44}{params:<22}{score:>12.1f} {unit:<8}{b:>10}  {ratio}")
