"""Differential-test oracle: runs operations through python3-easysnmp and prints one line per
result variable: op-id, position, then oid, oid_index, snmp_type and value, each as hex of its
UTF-8 bytes ('-' for None), tab-separated. An operation that raises prints 'ERR <op-id> <class>'.

Input (stdin): one operation per line, tab-separated:
  <op-id> <version> <host:port> <community> <flags> <op> <args...>
For version 3 the community column is USER:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS (authPriv).
flags: comma list of long,numeric,sprint,enums,bg1,bg2,retry (or '-'); op: get getnext getbulk walk
bulkwalk; args: OIDs (getbulk: non_repeaters max_repetitions oids...; bulkwalk: oid [non_repeaters
max_repetitions]). An operation that raises prints 'ERR <op-id> <class> <message as hex>'.
"""
import os
import sys
from easysnmp import Session


def hx(s):
    return '-' if s is None else (s.encode('utf-8', 'surrogateescape').hex() or '')


def session(version, host, community, flags):
    f = set(flags.split(',')) if flags != '-' else set()
    common = dict(hostname=host, version=int(version), use_long_names='long' in f,
                  use_numeric='numeric' in f, use_sprint_value='sprint' in f, use_enums='enums' in f,
                  best_guess=2 if 'bg2' in f else 1 if 'bg1' in f else 0, retry_no_such='retry' in f,
                  timeout=2, retries=1)
    if version == '3':
        user, auth, auth_pw, priv, priv_pw = community.split(':')
        return Session(security_level='auth_with_privacy', security_username=user, auth_protocol=auth,
                       auth_password=auth_pw, privacy_protocol=priv, privacy_password=priv_pw, **common)
    return Session(community=community, **common)


def run(op_id, version, host, community, flags, op, args):
    try:
        s = session(version, host, community, flags)
        if op == 'get':
            res = s.get(args)
        elif op == 'getnext':
            res = s.get_next(args)
        elif op == 'getbulk':
            res = s.get_bulk(args[2:], int(args[0]), int(args[1]))
        elif op == 'walk':
            res = s.walk(args[0])
        elif op == 'bulkwalk':
            res = s.bulkwalk(args[0]) if len(args) == 1 else s.bulkwalk(args[0], int(args[1]), int(args[2]))
        else:
            raise ValueError(op)
        for i, v in enumerate(res):
            print('\t'.join([op_id, str(i), hx(v.oid), hx(v.oid_index), hx(v.snmp_type), hx(v.value)]))
    except Exception as e:  # noqa
        print('ERR\t%s\t%s\t%s' % (op_id, type(e).__name__, hx(str(e))))
    sys.stdout.flush()


# Each operation runs in a child of this process, with a session of its own: easysnmp 0.2.6 keeps
# Net-SNMP state between sessions and calls, and after some hundreds of operations it crashes on
# one that succeeds alone; a child that dies anyway is reported as 'CRASH <op-id> <signal>'.
Session(hostname='127.0.0.1:9', version=2)  # loads the MIBs once, before the first fork
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line:
        continue
    parts = line.split('\t')
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        run(*parts[:6], parts[6:])
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        print('CRASH\t%s\t%d' % (parts[0], os.WTERMSIG(status)))
        sys.stdout.flush()
