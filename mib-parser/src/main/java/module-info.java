/** The SMIv1/SMIv2 compiler, the name tree and the built-in compiled core; no dependencies. */
module io.varbind.mib {
    exports io.varbind.mib;
}
