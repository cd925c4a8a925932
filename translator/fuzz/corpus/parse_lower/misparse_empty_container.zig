const Empty = struct {};
const Handle = opaque {};
