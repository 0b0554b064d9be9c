"""Renders values with DISPLAY-HINTs through Net-SNMP's own library (libnetsnmp), for DisplayHintOracleTest.

Reads lines "o HINTHEX VALUEHEX" (an OCTET STRING), "i HINTHEX N" (an INTEGER) or "u HINTHEX N"
(a Gauge32); writes per line "=" and the rendering in hex, or "!" when Net-SNMP renders nothing.
"""
import ctypes
import sys

lib = ctypes.CDLL("libnetsnmp.so.40")


class VarList(ctypes.Structure):  # netsnmp_variable_list (types.h), as far as the printers read it
    _fields_ = [("next", ctypes.c_void_p), ("name", ctypes.c_void_p), ("name_length", ctypes.c_size_t),
                ("type", ctypes.c_ubyte), ("val", ctypes.c_void_p), ("val_len", ctypes.c_size_t),
                ("name_loc", ctypes.c_ulong * 128), ("buf", ctypes.c_ubyte * 40), ("data", ctypes.c_void_p),
                ("hook", ctypes.c_void_p), ("index", ctypes.c_int)]


PREFIXES = ("STRING: ", "Hex-STRING: ", "INTEGER: ", "Gauge32: ")


def render(kind, hint, arg):
    v = VarList()
    if kind == "o":
        raw = bytes.fromhex(arg)
        # Net-SNMP reads a short last field (fewer octets left than its width) past the value's end:
        # eight zero octets after it make that defined, and DisplayHint renders it zero-filled so
        keep = ctypes.create_string_buffer(raw + bytes(8), len(raw) + 8)
        v.type, v.val_len, fn = 0x04, len(raw), lib.sprint_realloc_octet_string
    else:
        keep = ctypes.c_long(int(arg)) if kind == "i" else ctypes.c_ulong(int(arg))
        v.type, v.val_len = (0x02, 8) if kind == "i" else (0x42, 8)
        fn = lib.sprint_realloc_integer if kind == "i" else lib.sprint_realloc_gauge
        keep = ctypes.pointer(keep)
    v.val = ctypes.cast(keep, ctypes.c_void_p)
    out_buf = ctypes.POINTER(ctypes.c_char)()
    size, used = ctypes.c_size_t(0), ctypes.c_size_t(0)
    if not fn(ctypes.byref(out_buf), ctypes.byref(size), ctypes.byref(used), 1, ctypes.byref(v), None, hint, None):
        return None
    s = ctypes.string_at(out_buf, used.value)
    lib.free(out_buf)
    for p in PREFIXES:
        if s.startswith(p.encode()):
            return s[len(p):]
    return s


for line in sys.stdin:
    kind, hint_hex, arg = (line.split() + ["", ""])[:3]
    r = render(kind, bytes.fromhex(hint_hex), arg)
    print("!" if r is None else "=" + r.hex(), flush=True)
sys.stdout.flush()
