import subprocess, re, sys, os
env = dict(os.environ, MIBS='', MIBDIRS='/nonexistent', SNMPCONFPATH='/nonexistent', HOME='/tmp/golden/home')
A = '127.0.0.1:17161'
cases = {
 'v2c-get': ['snmpget','-v2c','-c','public',A,'.1.3.6.1.2.1.1.1.0'],
 'v1-get': ['snmpget','-v1','-c','public',A,'.1.3.6.1.2.1.1.5.0','.1.3.6.1.2.1.1.3.0'],
 'v1-nosuchname': ['snmpget','-v1','-c','public',A,'.1.3.6.1.2.1.1.99.0'],
 'v2c-nosuchobject': ['snmpget','-v2c','-c','public',A,'.1.3.6.1.2.1.1.99.0','.1.3.6.1.2.1.1.1.1','.1.3.6.1.2.1.1.2.0'],
 'v2c-getnext': ['snmpgetnext','-v2c','-c','public',A,'.1.3.6.1.2.1.1','.1.3.6.1.2.1.2.2.1.1'],
 'v2c-getbulk-system': ['snmpbulkget','-v2c','-c','public','-Cn1','-Cr8',A,'.1.3.6.1.2.1.1.3','.1.3.6.1.2.1.1'],
 'v2c-getbulk-mixed': ['snmpbulkget','-v2c','-c','public','-Cn0','-Cr6',A,'.1.3.6.1.2.1.31.1.1.1.6','.1.3.6.1.2.1.4.20.1.1','.1.3.6.1.2.1.2.2.1.10','.1.3.6.1.6.3.15.1.1'],
 'v2c-endofmibview': ['snmpgetnext','-v2c','-c','public',A,'.1.3.6.1.6.3.99'],
 'v2c-set-notwritable': ['snmpset','-v2c','-c','private',A,'.1.3.6.1.2.1.1.6.0','s','elsewhere'],
 'v2c-set-types': ['snmpset','-v2c','-c','private',A,'.1.3.6.1.2.1.1.99.0','i','-5','.1.3.6.1.2.1.1.99.1','u','4294967295','.1.3.6.1.2.1.1.99.2','t','12345','.1.3.6.1.2.1.1.99.3','a','10.1.2.3','.1.3.6.1.2.1.1.99.4','o','.1.3.6.1.4.1.4294967295.1','.1.3.6.1.2.1.1.99.5','x','00ff80'],
 'v3-noauth-get': ['snmpget','-v3','-l','noAuthNoPriv','-u','plain',A,'.1.3.6.1.2.1.1.1.0'],
 'v3-sha-aes-get': ['snmpget','-v3','-l','authPriv','-u','gold','-a','SHA','-A','goldauthpass','-x','AES','-X','goldprivpass',A,'.1.3.6.1.2.1.1.1.0'],
 'v2c-trap': ['snmptrap','-v2c','-c','public','127.0.0.1:17999','12345','.1.3.6.1.6.3.1.1.5.1','.1.3.6.1.2.1.1.5.0','s','hello'],
 'v1-trap': ['snmptrap','-v1','-c','public','127.0.0.1:17999','.1.3.6.1.4.1.8072.3.2.10','127.0.0.1','6','17','12345','.1.3.6.1.2.1.1.5.0','s','hello'],
}
for name, cmd in cases.items():
    full = [cmd[0], '-d', '-t', '1', '-r', '0'] + cmd[1:]
    p = subprocess.run(full, env=env, capture_output=True, text=True)
    out = p.stdout + p.stderr
    lines = ['# Net-SNMP 5.9.3 (Debian 12 package snmp), captured with:',
             '#   MIBS= ' + ' '.join(full).replace('17161', 'PORT'),
             '# against snmpd with exactEngineID 0x80001f8804676f6c64656e; ">" sent, "<" received, hex.']
    cur = None; buf = []
    def flush():
        if cur: lines.append(cur + ' ' + ''.join(buf))
    for l in out.splitlines():
        if l.startswith('Sending '):
            flush(); cur = '>'; buf = []
        elif l.startswith('Received '):
            flush(); cur = '<'; buf = []
        elif cur and re.match(r'^\d{4}: ', l):
            hexpart = l[6:6+52]
            buf.append(''.join(hexpart.split()).lower())
        elif cur and l.strip() == '' :
            pass
        else:
            if cur: flush(); cur = None; buf = []
    flush()
    print(name, sum(1 for x in lines if x[0] in '<>'), 'packets', file=sys.stderr)
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), name + '.txt'), 'w').write('\n'.join(lines)+'\n')
