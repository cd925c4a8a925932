//! A call sequence's counterexample as a reader wants it: the calls as a
//! script, and the diff of the first step where the two sides part.

use zigport_oracle::sequence::SequenceSpec;

use crate::value::{Outcome, Value};

/// What a shrunk sequence shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Divergence {
    /// The calls, one per line, the diverging one marked.
    pub script: String,
    /// The constructor's or method's report name the sequence diverged
    /// at (`Hasher.final`), when the two outcomes show it.
    pub member: Option<String>,
    /// A unified diff of that step's outputs (of the whole outcomes when
    /// a side trapped or hung).
    pub diff: String,
}

/// Renders `input` (the export's arguments: the constructor, the steps)
/// against `zig` and `rust`, the two sides' outcomes.
pub fn explain(spec: &SequenceSpec, input: &[Value], zig: &Outcome, rust: &Outcome) -> Divergence {
    let calls = calls(spec, input);
    let step = first_difference(zig, rust);
    let member = step.and_then(|i| calls.get(i)).map(|c| c.member.clone());
    let mut script = String::new();
    for (i, call) in calls.iter().enumerate() {
        let mark = if Some(i) == step {
            "   // <- the sides differ here"
        } else {
            ""
        };
        script.push_str(&format!("{}{mark}\n", call.text));
    }
    let diff = match (step, zig, rust) {
        (Some(i), Outcome::Returned(Value::Tuple(z)), Outcome::Returned(Value::Tuple(r))) => {
            let show = |items: &[Value]| {
                items
                    .get(i)
                    .map_or_else(|| "(no such step)\n".to_string(), |v| format!("{v:#?}\n"))
            };
            unified(&show(z), &show(r))
        }
        _ => unified(&format!("{zig:#?}\n"), &format!("{rust:#?}\n")),
    };
    Divergence {
        script,
        member,
        diff,
    }
}

struct Call {
    text: String,
    member: String,
}

/// `var x = T.init(..);` then `x.method(..);` per step.
fn calls(spec: &SequenceSpec, input: &[Value]) -> Vec<Call> {
    let mut out = Vec::new();
    let pick = |v: &Value| match v {
        Value::Tuple(pair) => match &pair[..] {
            [Value::UInt(i), Value::Tuple(args)] => Some((*i as usize, args.clone())),
            _ => None,
        },
        _ => None,
    };
    if let Some((i, args)) = input.first().and_then(pick)
        && let Some(c) = spec.constructors.get(i)
    {
        out.push(Call {
            text: format!(
                "var x = {}.{}({});",
                spec.display,
                c.zig_name,
                render_args(&args)
            ),
            member: c.display.clone(),
        });
    }
    if let Some(Value::Tuple(steps)) = input.get(1) {
        for step in steps {
            if let Some((i, args)) = pick(step)
                && let Some(m) = spec.methods.get(i)
            {
                out.push(Call {
                    text: format!("x.{}({});", m.zig_name, render_args(&args)),
                    member: m.display.clone(),
                });
            }
        }
    }
    out
}

/// The index of the first item (0: the constructor) the two outcomes
/// differ in; `None` when a side did not return.
fn first_difference(zig: &Outcome, rust: &Outcome) -> Option<usize> {
    match (zig, rust) {
        (Outcome::Returned(Value::Tuple(z)), Outcome::Returned(Value::Tuple(r))) => {
            (0..z.len().max(r.len())).find(|&i| z.get(i) != r.get(i))
        }
        _ => None,
    }
}

fn render_args(args: &[Value]) -> String {
    args.iter().map(render).collect::<Vec<_>>().join(", ")
}

/// A value as Zig source would write it.
fn render(v: &Value) -> String {
    match v {
        Value::Void => "{}".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::UInt(u) => u.to_string(),
        Value::Float(bits) => format!("{:?}", f64::from_bits(*bits)),
        Value::Bytes(b) => format!("\"{}\"", b.escape_ascii()),
        Value::Null => "null".into(),
        Value::Error(e) => format!("error.{e}"),
        Value::Tuple(items) => format!(".{{ {} }}", render_args(items)),
    }
}

fn unified(left: &str, right: &str) -> String {
    similar::TextDiff::from_lines(left, right)
        .unified_diff()
        .header("zig", "rust")
        .to_string()
}
