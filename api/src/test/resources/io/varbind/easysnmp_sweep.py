"""Oracle of EasysnmpSweepTest: runs cases through python3-easysnmp and prints what easysnmp exposes.

Input (stdin), one case per line, tab-separated: <case-id> <session kwargs> <steps>, the last two
as Python literals: a dict of Session keywords and a list of steps (op, args, kwargs). Each case
runs in a forked child with one Session, its steps in order. ops: the Session methods (get,
get_next, get_bulk, walk, bulkwalk, set, set_multiple, update_session), 'attr' (sets attributes
of the session, as a user flips use_sprint_value), 'capture' (runs the set op of args[0] against
a UDP socket of this process and prints the request it sent) and the module functions of
easysnmp.easy (snmp_get, ...), which take the case's session keywords. The keywords 'deviation', 'ours'
and 'limit' are the test's notes on a step, not passed on.

Output, one line per result, fields tab-separated, texts as hex of their UTF-8 bytes ('-' for None):
  V <case>/<step> <n> <oid> <oid_index> <snmp_type> <value>   a variable of a list
  S <case>/<step> 0 <oid> <oid_index> <snmp_type> <value>     a single variable
  B <case>/<step> <True|False>                                a boolean result
  E <case>/<step> <exception class> <message>                 an exception
  P <case>/<step> <request datagram hex>                      a captured request
  CRASH <case> <signal>                                       easysnmp killed its child
"""
import ast
import os
import socket
import sys

import easysnmp
from easysnmp import Session


def hx(s):
    if s is None:
        return '-'
    if isinstance(s, bytes):
        return s.hex()
    return str(s).encode('utf-8', 'surrogateescape').hex()


def out(*fields):
    print('\t'.join(fields))
    sys.stdout.flush()


def emit(tag, res):
    if isinstance(res, bool):
        out('B', tag, str(res))
    elif isinstance(res, list):
        for i, v in enumerate(res):
            out('V', tag, str(i), hx(v.oid), hx(v.oid_index), hx(v.snmp_type), hx(v.value))
    elif res is None:
        out('N', tag)
    else:
        out('S', tag, '0', hx(res.oid), hx(res.oid_index), hx(res.snmp_type), hx(res.value))


def capture(kw, step):
    """Runs one set against a socket that never answers and returns the datagram it sent."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(('127.0.0.1', 0))
    k = dict(kw, hostname='127.0.0.1:%d' % sock.getsockname()[1], timeout=0.05, retries=0)
    op, args, kwargs = step
    err = None
    try:
        getattr(Session(**k), op)(*args, **kwargs)
    except Exception as e:  # noqa
        err = e
    sock.settimeout(0.5)
    try:
        return sock.recv(65535), err
    except socket.timeout:
        return None, err


def run(case, kw, steps):
    s = None
    for n, (op, args, kwargs) in enumerate(steps):
        tag = '%s/%d' % (case, n)
        # what the test itself notes on a step (a documented difference) is no keyword of easysnmp's
        kwargs = {k: v for k, v in kwargs.items() if k not in ('deviation', 'ours', 'limit')}
        try:
            if op == 'capture':
                data, err = capture(kw, args[0])
                if data is not None:
                    out('P', tag, data.hex())
                else:
                    out('E', tag, type(err).__name__, hx(str(err)))
                continue
            if op.startswith('snmp_'):
                emit(tag, getattr(easysnmp, op)(*args, **dict(kw, **kwargs)))
                continue
            if s is None:
                s = Session(**kw)
            if op == 'attr':
                for k, v in kwargs.items():
                    setattr(s, k, v)
                out('N', tag)
            elif op == 'update_session':
                s.update_session(**kwargs)
                out('N', tag)
            else:
                emit(tag, getattr(s, op)(*args, **kwargs))
        except Exception as e:  # noqa
            out('E', tag, type(e).__name__, hx(str(e)))


Session(hostname='127.0.0.1:9', version=2)  # loads the MIBs once, before the first fork
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line:
        continue
    case, kw, steps = line.split('\t')
    pid = os.fork()
    if pid == 0:
        run(case, ast.literal_eval(kw), ast.literal_eval(steps))
        sys.stdout.flush()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        out('CRASH', case, str(os.WTERMSIG(status)))
