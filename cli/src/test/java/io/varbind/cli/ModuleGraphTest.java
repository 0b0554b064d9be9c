package io.varbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library modules as named modules: their descriptors resolve on a module path of the real
 * jars (Netty's, Bouncy Castle's, SLF4J's), each exports only its API packages, and an engine
 * starts, answers nothing and closes inside a module layer (Netty and the epoll transport
 * working from the module path). Tests otherwise run on the class path (see the parent pom).
 */
class ModuleGraphTest {
    /** One class of each module the libraries need, to find its jar or classes folder. */
    private static final String[] WITNESSES = {"io.varbind.codec.Oid", "io.varbind.transport.Endpoint",
        "io.varbind.usm.UsmUser", "io.varbind.mib.MibTree", "io.varbind.SnmpEngine", "io.varbind.agent.SnmpAgent",
        "io.netty.buffer.ByteBuf", "io.netty.util.Timer", "io.netty.channel.Channel", "io.netty.handler.codec.ByteToMessageDecoder",
        "io.netty.handler.ssl.SslHandler", "io.netty.resolver.AddressResolver", "io.netty.channel.epoll.Epoll",
        "io.netty.channel.unix.Socket", "org.bouncycastle.tls.TlsClient", "org.bouncycastle.jce.provider.BouncyCastleProvider",
        "org.bouncycastle.asn1.cmc.BodyPartID", "org.slf4j.Logger"};

    private static final Map<String, Set<String>> EXPORTS = Map.of(
            "io.varbind.codec", Set.of("io.varbind.codec"),
            "io.varbind.transport", Set.of("io.varbind.transport"),
            "io.varbind.usm", Set.of("io.varbind.usm"),
            "io.varbind.mib", Set.of("io.varbind.mib"),
            "io.varbind", Set.of("io.varbind", "io.varbind.engine", "io.varbind.format", "io.varbind.session"),
            "io.varbind.agent", Set.of("io.varbind.agent", "io.varbind.agent.junit"));

    private static ModuleFinder finder() throws ClassNotFoundException, URISyntaxException {
        Set<Path> paths = new LinkedHashSet<>();
        for (String c : WITNESSES) {
            paths.add(Path.of(Class.forName(c).getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return ModuleFinder.of(paths.toArray(new Path[0]));
    }

    @Test
    void descriptorsResolveAndExportOnlyTheApi() throws Exception {
        ModuleFinder finder = finder();
        Configuration cf = Configuration.resolve(finder, java.util.List.of(ModuleLayer.boot().configuration()),
                ModuleFinder.of(), EXPORTS.keySet());
        for (Map.Entry<String, Set<String>> e : EXPORTS.entrySet()) {
            ModuleDescriptor d = cf.findModule(e.getKey()).orElseThrow().reference().descriptor();
            assertTrue(!d.isAutomatic() && !d.isOpen(), e.getKey() + " is a named, closed module");
            Set<String> exported = d.exports().stream().filter(x -> !x.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(e.getValue()), exported, e.getKey());
        }
    }

    @Test
    void anEngineRunsFromTheModulePath() throws Exception {
        ModuleFinder finder = finder();
        ModuleLayer parent = ModuleLayer.boot();
        Configuration cf = parent.configuration().resolve(finder, ModuleFinder.of(), Set.of("io.varbind"));
        ModuleLayer layer = parent.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Class<?> engine = layer.findLoader("io.varbind").loadClass("io.varbind.SnmpEngine");
        assertEquals("io.varbind", engine.getModule().getName());
        Object e = engine.getMethod("create").invoke(null);
        try {
            Method stats = engine.getMethod("statistics");
            assertTrue(stats.invoke(e).toString().contains("timeouts=0"), stats.invoke(e).toString());
        } finally {
            engine.getMethod("close").invoke(e);
        }
    }
}
