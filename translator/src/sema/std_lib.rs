//! Zig's std, read from its own sources: a std declaration's type, a std
//! function's signature, a std container's kind come from `lib/std` as the
//! pinned toolchain ships it, analysed like user code (the same front end,
//! names and inference), never from a hand-written table.
//!
//! Lazy: a file is read, parsed and its containers collected only when a
//! query reaches it, at most once per [`StdLib`] ([`StdLib::shared`]: once
//! per process); answers are memoised. Parsed files are kept for the rest
//! of the process (leaked: the analyses borrow them), so a process holds
//! at most one copy of each std file per std root it uses. Bounded: a file budget, a nesting budget for queries that
//! lead to other queries, and a cycle guard; a missing or unreadable file
//! is an unanswered query (the model's type stays unknown).
//!
//! A std type's identity is its canonical path, Zig's fully qualified name:
//! the file's path in `lib/std` (`mem/Allocator.zig` → `mem.Allocator`,
//! `std.zig` → empty), then the names of the containers declared in it
//! (`builtin.zig`'s `pub const Endian = enum {..}` → `builtin.Endian`).
//! Aliases and re-exports (`pub const io = Io;`, `const Endian =
//! std.builtin.Endian;`) resolve to it, so every spelling is one type.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::syntax::ir::{ContainerKind, Expr, ExprKind, SourceFile};
use crate::syntax::{ZigParser, parse_source};

use super::infer::Analyzer;
use super::names::{ContainerId, Member, Names, ROOT};
use super::ty::Type;

/// Most std files a [`StdLib`] loads (the pinned std has under 1,000).
const MAX_FILES: usize = 4096;
/// Larger files are not read (the largest std file is under 1 MB).
const MAX_FILE_BYTES: u64 = 16 << 20;
/// How deep a query may lead to further queries (an alias of an alias of
/// ... in another file): beyond it, the answer is unknown.
pub(super) const MAX_HOPS: usize = 48;

/// What a std declaration is, as seen from outside its file: every type in
/// it is a std path (never a container of the file that declares it).
#[derive(Debug, Clone, PartialEq)]
pub enum StdDecl {
    /// A type or namespace, alias or definition (`pub const Endian = enum
    /// {..}`, `pub const mem = @import("mem.zig")`): the type it denotes.
    Type(Type),
    Fn(FnSig),
    /// A container field: its type; an enum's tag: the enum.
    Field(Type),
    /// A constant's or variable's value: its type.
    Value(Type),
}

/// A std function's signature; its comptime type parameters appear as
/// [`Type::TypeParam`] in the other parameters and the return type, bound
/// per call.
impl StdDecl {
    /// `self` with every type in it mapped by `f` (see [`Type::map`]).
    pub fn map_types(self, f: &dyn Fn(&Type) -> Option<Type>) -> StdDecl {
        match self {
            StdDecl::Type(t) => StdDecl::Type(t.map(f)),
            StdDecl::Field(t) => StdDecl::Field(t.map(f)),
            StdDecl::Value(t) => StdDecl::Value(t.map(f)),
            StdDecl::Fn(sig) => StdDecl::Fn(FnSig {
                params: sig
                    .params
                    .into_iter()
                    .map(|p| SigParam {
                        ty: p.ty.map(f),
                        ..p
                    })
                    .collect(),
                ret: sig.ret.map(f),
            }),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FnSig {
    pub params: Vec<SigParam>,
    pub ret: Type,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SigParam {
    pub name: Option<String>,
    /// `anytype` is [`Type::AnyType`].
    pub ty: Type,
    /// `comptime T: type`: the argument is a type the signature is
    /// generic over.
    pub binds_type: bool,
}

enum Memo {
    /// Being answered: asked again, it is a cycle (unanswered).
    Pending,
    Done(Option<StdDecl>),
}

/// A parsed std file and its containers (collected on first use).
struct StdFile {
    file: SourceFile,
    names: OnceLock<Names<'static>>,
}

impl StdFile {
    /// Kept for the rest of the process (see the module's note).
    fn leak(file: SourceFile) -> &'static StdFile {
        Box::leak(Box::new(StdFile {
            file,
            names: OnceLock::new(),
        }))
    }

    fn names(&'static self) -> &'static Names<'static> {
        self.names.get_or_init(|| Names::of_file(&self.file))
    }
}

type FileSlot = Arc<OnceLock<Option<&'static StdFile>>>;

/// Zig's std rooted at a `lib/std` directory; shared by every file of a
/// translation (`Sync`: its caches are behind locks, never held while a
/// query runs, so queries may nest).
pub struct StdLib {
    root: PathBuf,
    /// Path in `lib/std` → the parsed file (`None`: missing or unreadable).
    files: Mutex<HashMap<String, FileSlot>>,
    members: Mutex<HashMap<(Vec<String>, String), Memo>>,
    kinds: Mutex<HashMap<Vec<String>, Option<ContainerKind>>>,
}

impl std::fmt::Debug for StdLib {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StdLib").field("root", &self.root).finish()
    }
}

thread_local! {
    static PARSER: std::cell::RefCell<ZigParser> = std::cell::RefCell::new(ZigParser::new());
}

/// A lock whose holder panicked still guards consistent data (every
/// update is a single insert).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl StdLib {
    /// The process's one [`StdLib`] for `root`: each std file is parsed
    /// once per process, whatever translations or commands ask.
    pub fn shared(root: impl Into<PathBuf>) -> Arc<StdLib> {
        static SHARED: OnceLock<Mutex<HashMap<PathBuf, Arc<StdLib>>>> = OnceLock::new();
        let root = root.into();
        lock(SHARED.get_or_init(Mutex::default))
            .entry(root.clone())
            .or_insert_with(|| Arc::new(StdLib::new(root)))
            .clone()
    }

    /// A std whose `std.zig` is in `root` (nothing is read yet); prefer
    /// [`StdLib::shared`] outside tests.
    pub fn new(root: impl Into<PathBuf>) -> StdLib {
        StdLib {
            root: root.into(),
            files: Mutex::default(),
            members: Mutex::default(),
            kinds: Mutex::default(),
        }
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// Is there a readable `std.zig`? Without one the model treats std
    /// paths as it does with no std at all.
    pub fn is_present(&self) -> bool {
        self.file("std.zig").is_some()
    }

    /// The member `name` of the std container at canonical path
    /// `container` (`[]` is `std` itself). `hops` counts the queries this
    /// one is nested in.
    pub fn member(&self, container: &[String], name: &str, hops: usize) -> Option<StdDecl> {
        if hops > MAX_HOPS {
            return None;
        }
        let key = (container.to_vec(), name.to_string());
        match lock(&self.members).get(&key) {
            Some(Memo::Done(answer)) => return answer.clone(),
            Some(Memo::Pending) => return None,
            None => {}
        }
        lock(&self.members).insert(key.clone(), Memo::Pending);
        let answer = self.member_uncached(container, name, hops);
        lock(&self.members).insert(key, Memo::Done(answer.clone()));
        answer
    }

    /// Struct, enum, union or opaque: the std container at canonical
    /// `path`.
    pub fn kind(&self, path: &[String]) -> Option<ContainerKind> {
        if let Some(kind) = lock(&self.kinds).get(path) {
            return *kind;
        }
        let kind = self.locate(path).and_then(|(_, file, inner)| {
            let names = file.names();
            Some(names.get(container_in(names, &inner)?).kind)
        });
        lock(&self.kinds).insert(path.to_vec(), kind);
        kind
    }

    /// The path in `lib/std` of the file at `path`, when it is one of
    /// std's files (`/…/lib/std/mem/Allocator.zig` → `mem/Allocator.zig`).
    pub fn home_of(&self, path: &std::path::Path) -> Option<String> {
        let root = std::fs::canonicalize(&self.root).ok()?;
        let path = std::fs::canonicalize(path).ok()?;
        let rel = path.strip_prefix(root).ok()?;
        let parts: Vec<&str> = rel
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<_>>()?;
        let home = parts.join("/");
        file_path(&home).map(|_| home)
    }

    /// The std files read so far (paths in `lib/std`, sorted).
    pub fn files_read(&self) -> Vec<String> {
        let mut read: Vec<String> = lock(&self.files)
            .iter()
            .filter(|(_, slot)| slot.get().is_some())
            .map(|(home, _)| home.clone())
            .collect();
        read.sort();
        read
    }

    /// The canonical path of the file an `@import("rel")` in std file
    /// `home` names; `None` outside `lib/std` or not a `.zig` file.
    pub(super) fn import_path(&self, home: &str, rel: &str) -> Option<Vec<String>> {
        if !rel.ends_with(".zig") {
            return None;
        }
        let mut parts: Vec<&str> = home.split('/').collect();
        parts.pop();
        for part in rel.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                p => parts.push(p),
            }
        }
        file_path(&parts.join("/"))
    }

    fn member_uncached(&self, container: &[String], name: &str, hops: usize) -> Option<StdDecl> {
        let (home, file, inner) = self.locate(container)?;
        let names = file.names();
        let id = container_in(names, &inner)?;
        let member = names.member(id, name)?;
        let file_path = file_path(&home)?;
        let mut analyzer = Analyzer::new(names, Some(self)).in_std_file(&home, hops + 1);
        let decl = match member {
            Member::Fn(f) => {
                let (params, ret) = analyzer.fn_signature(id, f);
                StdDecl::Fn(FnSig { params, ret })
            }
            Member::Field(_) if names.get(id).kind == ContainerKind::Enum => {
                StdDecl::Field(Type::Container(id))
            }
            Member::Field(_) => StdDecl::Field(analyzer.member_value_type(id, member)),
            Member::Var(_) => match analyzer.member_as_type(id, member) {
                Some(t) => StdDecl::Type(t),
                None => StdDecl::Value(analyzer.member_value_type(id, member)),
            },
        };
        Some(decl.map_types(&|t| export(t, names, &file_path)))
    }

    /// The file holding canonical `path` (the longest prefix naming a
    /// file; `std.zig` for none), the file, and the rest of the path
    /// (containers declared in it).
    fn locate(&self, path: &[String]) -> Option<(String, &'static StdFile, Vec<String>)> {
        if !path.iter().all(|p| is_plain_name(p)) {
            return None;
        }
        for split in (1..=path.len()).rev() {
            let home = format!("{}.zig", path[..split].join("/"));
            if home != "std.zig" && self.root.join(&home).is_file() {
                let file = self.file(&home)?;
                return Some((home, file, path[split..].to_vec()));
            }
        }
        let file = self.file("std.zig")?;
        Some(("std.zig".into(), file, path.to_vec()))
    }

    /// `file`, the std file at `home` parsed by the caller (translating
    /// std itself), kept as std's copy, or std's copy when it has one.
    pub fn adopt(&self, home: &str, file: SourceFile) -> &'static SourceFile {
        let slot = lock(&self.files)
            .entry(home.to_string())
            .or_default()
            .clone();
        if let Some(Some(std_file)) = slot.get() {
            return &std_file.file;
        }
        let adopted = StdFile::leak(file);
        match slot.get_or_init(|| Some(adopted)) {
            Some(std_file) => &std_file.file,
            // Read and found unreadable before: the caller's copy.
            None => &adopted.file,
        }
    }

    /// The parsed std file at `home` (parsed on first use only).
    fn file(&self, home: &str) -> Option<&'static StdFile> {
        let slot = {
            let mut files = lock(&self.files);
            if !files.contains_key(home) && files.len() >= MAX_FILES {
                return None;
            }
            files.entry(home.to_string()).or_default().clone()
        };
        *slot.get_or_init(|| self.parse(home))
    }

    fn parse(&self, home: &str) -> Option<&'static StdFile> {
        let path = self.root.join(home);
        let meta = std::fs::metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
            return None;
        }
        let source = String::from_utf8(std::fs::read(&path).ok()?).ok()?;
        // A file with syntax errors keeps what lowered; the rest is unknown.
        let parsed = PARSER.with(|p| parse_source(&mut p.borrow_mut(), &source));
        Some(StdFile::leak(parsed.file))
    }
}

/// A declared name usable as a path component (`@"..."` identifiers may
/// hold anything; none may leave `lib/std`).
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '\0', ':'])
}

/// The canonical path of the std file `home` (`mem/Allocator.zig` →
/// `["mem", "Allocator"]`, `std.zig` → `[]`).
pub(super) fn file_path(home: &str) -> Option<Vec<String>> {
    if home == "std.zig" {
        return Some(Vec::new());
    }
    let parts: Vec<String> = home
        .strip_suffix(".zig")?
        .split('/')
        .map(str::to_string)
        .collect();
    parts.iter().all(|p| is_plain_name(p)).then_some(parts)
}

/// The container declared (directly, `const X = struct {..}`) at `inner`
/// from the file's root.
pub(super) fn container_in(names: &Names, inner: &[String]) -> Option<ContainerId> {
    let mut id = ROOT;
    for name in inner {
        let Member::Var(v) = names.member(id, name)? else {
            return None;
        };
        let init: &Expr = v.init.as_ref()?;
        if !matches!(init.kind, ExprKind::Container(_)) {
            return None;
        }
        id = names.at(init.span.start)?;
    }
    Some(id)
}

/// A part of a type as seen outside the std file at canonical `file`: its containers
/// become std paths; a type constructor's instances, containers local to
/// a body, anonymous ones and function values become unknown (they have no
/// path, and an instance is not its constructor).
fn export(t: &Type, names: &Names, file: &[String]) -> Option<Type> {
    match t {
        Type::Container(id) => {
            let c = names.get(*id);
            if c.constructor.is_some() || c.local {
                return Some(Type::Unknown);
            }
            Some(names.path(*id).map_or(Type::Unknown, |inner| {
                Type::Std(file.iter().cloned().chain(inner).collect())
            }))
        }
        Type::Fn { .. } => Some(Type::Unknown),
        _ => None,
    }
}
