package io.varbind.session;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * An in-memory command responder for {@link TableReader} tests: GETNEXT and GETBULK over a sorted
 * map, answered asynchronously as the engine would, with hooks that make it misbehave (a cap on
 * varbinds per answer, changes to the data between requests, a rewrite of each answer).
 */
final class ScriptedTableAgent {
    final TreeMap<Oid, Variable> data = new TreeMap<>();
    /** At most this many varbinds per GETBULK answer (trimmed to fit) or GETNEXT (else tooBig). */
    int maxVarBinds = Integer.MAX_VALUE;
    /** Called before each request is answered with the number of requests so far (from 1). */
    Consumer<Integer> beforeAnswer = n -> { };
    /** Rewrites each answer (the request, the honest answer) into what is sent. */
    BiFunction<Pdu, Pdu, Pdu> rewrite = (req, resp) -> resp;
    int requests;
    final List<Pdu> seen = new ArrayList<>();

    void put(String oid, Variable v) {
        data.put(Oid.parse(oid), v);
    }

    CompletableFuture<Pdu> send(Pdu request) {
        return CompletableFuture.supplyAsync(() -> answer(request));
    }

    private synchronized Pdu answer(Pdu p) {
        requests++;
        seen.add(p);
        beforeAnswer.accept(requests);
        List<VarBind> out = new ArrayList<>();
        int n = p.varBinds().size();
        if (p.type() != BerTags.GETBULK && n > maxVarBinds) {
            return new Pdu(BerTags.RESPONSE, p.requestId(), 1, 0, p.varBinds()); // tooBig, as RFC 3416 4.2.2
        }
        int reps = p.type() == BerTags.GETBULK ? p.maxRepetitions() : 1;
        Oid[] cursor = new Oid[n];
        for (int i = 0; i < n; i++) {
            cursor[i] = p.varBinds().get(i).oid();
        }
        for (int r = 0; r < reps && out.size() < maxVarBinds; r++) {
            for (int i = 0; i < n && out.size() < maxVarBinds; i++) {
                Map.Entry<Oid, Variable> next = cursor[i] == null ? null : data.higherEntry(cursor[i]);
                if (next == null) {
                    if (p.type() == BerTags.GETNEXT && p.varBinds().size() > 0 && v1) {
                        return new Pdu(BerTags.RESPONSE, p.requestId(), ErrorStatus.NO_SUCH_NAME, i + 1, p.varBinds());
                    }
                    out.add(new VarBind(cursor[i] == null ? p.varBinds().get(i).oid() : cursor[i], Variable.endOfMibView()));
                    cursor[i] = null;
                } else {
                    out.add(new VarBind(next.getKey(), next.getValue()));
                    cursor[i] = next.getKey();
                }
            }
        }
        return rewrite.apply(p, new Pdu(BerTags.RESPONSE, p.requestId(), 0, 0, out));
    }

    /** Answers as SNMPv1 does: noSuchName for a GETNEXT past the end of the MIB. */
    boolean v1;
}
