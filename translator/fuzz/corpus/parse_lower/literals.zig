const hex = 0xFF_FF;
const float = 1.5e3;
const s = "tab\there \x41 \u{e9} \"q\"";
const multi =
    \\line one
    \\line two
;
const ch = 'a';
const nl = '\n';
const t = true;
const u: u8 = undefined;
const n: ?u8 = null;
