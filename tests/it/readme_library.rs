//! The README's Library example is the body of `examples/library_tour.rs`, which `cargo test`
//! compiles: the two must not drift apart.

#[test]
fn the_readme_library_example_is_the_compiled_example() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../../examples/library_tour.rs");
    let start = readme
        .find("```rust\nuse unletters::convert")
        .expect("README has the Library example");
    let block = &readme[start + "```rust\n".len()..];
    let block = &block[..block.find("```").expect("the block ends")];
    let begin = example.find("// README: begin\n").expect("marker") + "// README: begin\n".len();
    let end = example.find("    // README: end").expect("marker");
    let body: String = example[begin..end]
        .lines()
        .map(|l| l.strip_prefix("    ").unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        block, body,
        "README's Library example differs from examples/library_tour.rs"
    );
}
