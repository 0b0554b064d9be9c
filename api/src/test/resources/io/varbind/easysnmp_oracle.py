"""Differential-test oracle: runs operations through python3-easysnmp and prints one line per
result variable: op-id, position, then oid, oid_index, snmp_type and value, each as hex of its
UTF-8 bytes ('-' for None), tab-separated. An operation that raises prints 'ERR <op-id> <class>'.

Input (stdin): one operation per line, tab-separated:
  <op-id> <version> <host:port> <community> <flags> <op> <args...>
For version 3 the community column is USER:AUTHPROTO:AUTHPASS:PRIVPROTO:PRIVPASS (authPriv).
flags: comma list of long,numeric,sprint,enums (or '-'); op: get getnext getbulk walk bulkwalk;
args: OIDs (getbulk: non_repeaters max_repetitions oids...).
"""
import sys
from easysnmp import Session


def hx(s):
    return '-' if s is None else (s.encode('utf-8', 'surrogateescape').hex() or '')


sessions = {}
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line:
        continue
    parts = line.split('\t')
    op_id, version, host, community, flags, op = parts[:6]
    args = parts[6:]
    key = (version, host, community, flags)
    try:
        if key not in sessions:
            f = set(flags.split(',')) if flags != '-' else set()
            common = dict(hostname=host, version=int(version), use_long_names='long' in f,
                          use_numeric='numeric' in f, use_sprint_value='sprint' in f, use_enums='enums' in f,
                          timeout=2, retries=1)
            if version == '3':
                user, auth, auth_pw, priv, priv_pw = community.split(':')
                sessions[key] = Session(security_level='auth_with_privacy', security_username=user,
                                        auth_protocol=auth, auth_password=auth_pw, privacy_protocol=priv,
                                        privacy_password=priv_pw, **common)
            else:
                sessions[key] = Session(community=community, **common)
        s = sessions[key]
        if op == 'get':
            res = s.get(args)
        elif op == 'getnext':
            res = s.get_next(args)
        elif op == 'getbulk':
            res = s.get_bulk(args[2:], int(args[0]), int(args[1]))
        elif op == 'walk':
            res = s.walk(args[0])
        elif op == 'bulkwalk':
            res = s.bulkwalk(args[0])
        else:
            raise ValueError(op)
        for i, v in enumerate(res):
            print('\t'.join([op_id, str(i), hx(v.oid), hx(v.oid_index), hx(v.snmp_type), hx(v.value)]))
    except Exception as e:  # noqa
        print('ERR\t%s\t%s' % (op_id, type(e).__name__))
    sys.stdout.flush()
