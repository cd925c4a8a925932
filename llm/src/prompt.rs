//! Prompts: the same conventions the rules follow, the Zig function, the
//! rules' draft, the signatures around it, and — on repair turns — what
//! went wrong (rustc errors, or the oracle's counterexample with its diff).

use crate::client::Message;

/// The conventions of the rule engine, as the LLM must follow them so its
/// code fits the rest of the module.
pub const CONVENTIONS: &str = "\
You port Zig 0.15 functions to safe, idiomatic Rust (edition 2024) that behaves exactly like the Zig \
built in ReleaseSafe mode. The Rust is compiled with overflow checks on.
Conventions (the rest of the crate follows them):
- Integers keep their width (u8→u8, usize→usize, i32→i32; odd widths use the next Rust width). Zig `+ - *` \
trap on overflow: use plain operators. `+% -% *%` → wrapping_*, `+| -|` → saturating_*. @intCast → \
`T::try_from(x).unwrap()` (a trap on loss, like Zig). @truncate → `as`.
- `[]const u8` → `&[u8]`, `[]u8` → `&mut [u8]`, `?T` → `Option<T>`, `E!T` → `Result<T, E>` where the error \
set is the module's error enum; an inferred error set (`!T`) uses the module's `Error` enum.
- `std.mem.Allocator` parameters are dropped: allocate with Vec/String; a returned owned slice is `Vec<T>`.
- `std.ArrayList(T)` → `Vec<T>`; hash maps → `std::collections::HashMap`.
- A safety panic in Zig (out-of-bounds index, `unreachable`, overflow) must stay a panic in Rust.
- No `unsafe` unless the Zig uses raw pointers. No I/O, no `std::process`, `std::fs`, `std::net`, `std::env`.
- Keep the exact signature given in the draft (name, parameter and return types).
Answer with exactly one ```rust fenced block containing only that one function (helpers go inside its body).";

/// Everything the LLM sees about one function.
#[derive(Debug, Clone)]
pub struct FnTask {
    /// `std/base64.zig`, as reports show it.
    pub zig_path: String,
    pub zig_name: String,
    /// Path in the Rust module: `encode` or `Version::order`.
    pub rust_path: String,
    /// The Zig function's source text.
    pub zig_source: String,
    /// What the rules produced for it (with its TODO markers).
    pub rules_draft: String,
    /// Why the rules gave up, one reason per marker.
    pub todos: Vec<String>,
    /// Signatures of the rest of the Rust module (types, other functions),
    /// so calls and types line up.
    pub module_outline: String,
    /// The port configuration's own rules (crate map, rewrites).
    pub config_rules: String,
}

impl FnTask {
    /// The bare Rust name of the function (`order` for `Version::order`).
    pub fn rust_name(&self) -> &str {
        self.rust_path
            .rsplit("::")
            .next()
            .unwrap_or(&self.rust_path)
    }

    pub fn is_method(&self) -> bool {
        self.rust_path.contains("::")
    }
}

/// Why the previous attempt was not accepted.
#[derive(Debug, Clone)]
pub enum Feedback {
    /// The reply could not be used at all (no code, syntax, forbidden API).
    Rejected(String),
    /// rustc errors inside the function.
    CompileErrors(Vec<String>),
    /// The oracle found an input where Zig and Rust disagree.
    Counterexample { input: String, diff: String },
}

/// The first turn for `task`.
pub fn translate_messages(task: &FnTask) -> Vec<Message> {
    let mut user = format!(
        "Port the Zig function `{}` from `{}` to Rust, as `{}` in the generated module.\n\n",
        task.zig_name, task.zig_path, task.rust_path
    );
    user.push_str(&format!(
        "Zig source:\n```zig\n{}\n```\n\n",
        task.zig_source.trim_end()
    ));
    user.push_str(&format!(
        "The rule-based draft (keep its signature; replace the TODOs):\n```rust\n{}\n```\n",
        task.rules_draft.trim_end()
    ));
    if !task.todos.is_empty() {
        user.push_str("\nThe rules stopped at:\n");
        for t in &task.todos {
            user.push_str(&format!("- {t}\n"));
        }
    }
    if !task.module_outline.trim().is_empty() {
        user.push_str(&format!(
            "\nThe rest of the Rust module (signatures):\n```rust\n{}\n```\n",
            task.module_outline.trim_end()
        ));
    }
    if !task.config_rules.trim().is_empty() {
        user.push_str(&format!(
            "\nProject rules (zigport.toml):\n{}\n",
            task.config_rules.trim_end()
        ));
    }
    vec![Message::system(CONVENTIONS), Message::user(user)]
}

/// The next turn: the conversation so far, then what went wrong.
pub fn repair_messages(task: &FnTask, previous: &[(String, Feedback)]) -> Vec<Message> {
    let mut messages = translate_messages(task);
    for (reply, feedback) in previous {
        messages.push(Message::assistant(reply.clone()));
        messages.push(Message::user(feedback_text(task, feedback)));
    }
    messages
}

fn feedback_text(task: &FnTask, feedback: &Feedback) -> String {
    match feedback {
        Feedback::Rejected(why) => format!(
            "That reply could not be used: {why}. Answer again with one ```rust block holding `{}`.",
            task.rust_name()
        ),
        Feedback::CompileErrors(errors) => format!(
            "That function does not compile. rustc says:\n{}\nFix it; same signature.",
            errors
                .iter()
                .map(|e| format!("- {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Feedback::Counterexample { input, diff } => format!(
            "It compiles, but it does not behave like the Zig. The differential oracle found a \
             counterexample (shrunk).\nInput: {input}\nZig (-) vs Rust (+):\n```diff\n{}\n```\n\
             Fix the Rust so it matches the Zig on every input; same signature.",
            diff.trim_end()
        ),
    }
}

/// The Rust module reduced to its signatures: every function body becomes
/// `{}` and the tests go, so the prompt shows the shape of the module
/// without its size. Empty when the text does not parse.
pub fn outline(module_text: &str) -> String {
    use syn::visit_mut::{self, VisitMut};
    struct Hollow;
    impl VisitMut for Hollow {
        fn visit_item_fn_mut(&mut self, f: &mut syn::ItemFn) {
            f.block.stmts.clear();
        }
        fn visit_impl_item_fn_mut(&mut self, f: &mut syn::ImplItemFn) {
            f.block.stmts.clear();
        }
        fn visit_file_mut(&mut self, file: &mut syn::File) {
            file.items
                .retain(|i| !matches!(i, syn::Item::Mod(m) if m.ident == "tests"));
            visit_mut::visit_file_mut(self, file);
        }
    }
    let Ok(mut file) = syn::parse_file(module_text) else {
        return String::new();
    };
    Hollow.visit_file_mut(&mut file);
    prettyplease::unparse(&file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task() -> FnTask {
        FnTask {
            zig_path: "m.zig".into(),
            zig_name: "twice".into(),
            rust_path: "twice".into(),
            zig_source: "pub fn twice(x: u8) u8 { return x * 2; }".into(),
            rules_draft: "pub fn twice(x: u8) -> u8 { todo!() }".into(),
            todos: vec!["@foo".into()],
            module_outline: String::new(),
            config_rules: String::new(),
        }
    }

    #[test]
    fn outline_keeps_signatures_only() {
        let o = outline(
            "pub fn a(x: u8) -> u8 { x + 1 }\nimpl T { fn b(&self) { loop {} } }\n#[cfg(test)] mod tests { fn t() {} }",
        );
        assert!(
            o.contains("pub fn a(x: u8) -> u8 {}") && o.contains("fn b(&self) {}"),
            "{o}"
        );
        assert!(!o.contains("x + 1") && !o.contains("mod tests"), "{o}");
    }

    #[test]
    fn repair_turn_carries_the_counterexample_and_the_previous_reply() {
        let m = repair_messages(
            &task(),
            &[(
                "```rust\nfn twice(x: u8) -> u8 { x }\n```".into(),
                Feedback::Counterexample {
                    input: "[1]".into(),
                    diff: "-2\n+1".into(),
                },
            )],
        );
        assert_eq!(m.len(), 4);
        assert_eq!(m[2].role, "assistant");
        assert!(m[3].content.contains("counterexample") && m[3].content.contains("-2\n+1"));
        assert!(m[1].content.contains("pub fn twice(x: u8) u8") && m[1].content.contains("@foo"));
    }
}
