//! Hostile page shapes, shared by `tests/robustness.rs` (small sizes, debug build) and
//! `benches/hostile.rs` (large sizes, release build).
//!
//! Each shape is a nesting or misnesting pattern that makes some HTML parser step scan the
//! stack of open elements or the list of active formatting elements, repeated `n` times.

/// A paragraph of real text, long enough to be an article on its own.
pub const ARTICLE: &str = "<p>The harbour reopened on Monday after a week of repairs to the \
    north pier, and the first ferry of the morning left on time with a full deck of cars and \
    cyclists. Port officials said the timetable would return to normal by the weekend, once \
    the second landing stage has been inspected by the engineers.</p>";

/// Names of the shapes, for iteration.
pub const SHAPES: &[&str] = &[
    "div",
    "ul-li",
    "li-run",
    "table-in-td",
    "b",
    "b-i-a",
    "unclosed-b-distinct",
    "formatting-reconstruct",
    "adoption-agency",
    "b-over-table",
    "button-p",
    "p-button",
    "select-option",
    "svg",
    "svg-title-style",
    "math",
    "svg-foreign-object",
    "self-closing-div",
    "template",
    "object-b",
    "font-soup",
    "h1-div",
    "nobr",
    "frameset",
    "dl",
    "td-run",
    "table-text",
    "many-attributes",
];

/// The shape `name` repeated `n` times, with an article paragraph at its deepest point.
pub fn shape(name: &str, n: usize) -> String {
    let r = |s: &str| s.repeat(n);
    match name {
        "div" => format!("{}{ARTICLE}{}", r("<div>"), r("</div>")),
        "ul-li" => format!("{}{ARTICLE}{}", r("<ul><li>"), r("</li></ul>")),
        "li-run" => format!("<ul>{}</ul>{ARTICLE}", r("<li>item")),
        "table-in-td" => format!(
            "{}{ARTICLE}{}",
            r("<table><tr><td>"),
            r("</td></tr></table>")
        ),
        "b" => format!("{}{ARTICLE}{}", r("<b>"), r("</b>")),
        "b-i-a" => format!("{}{ARTICLE}", r("<b><i><a href=/x>link ")),
        "unclosed-b-distinct" => {
            let tags: String = (0..n).map(|i| format!("<b id=b{i}>x")).collect();
            format!("{tags}{ARTICLE}")
        }
        "formatting-reconstruct" => {
            let opening: String = (0..n.min(500)).map(|i| format!("<b id=b{i}>")).collect();
            format!("<p>{opening}</p>{}{ARTICLE}", r("<div>x</div>"))
        }
        "adoption-agency" => format!(
            "{}{ARTICLE}",
            format!("<b>{}</b>", "<div>x".repeat(50)).repeat(n / 50 + 1)
        ),
        "b-over-table" => format!("{}{ARTICLE}", r("<b class=q><table></b></table>")),
        "button-p" => format!("{}{ARTICLE}", r("<button><p>")),
        "p-button" => format!("{}{ARTICLE}", r("<p><button>")),
        "select-option" => format!("{}{ARTICLE}", r("<select><option>")),
        "svg" => format!("<svg>{}</svg>{ARTICLE}", r("<g>")),
        "svg-title-style" => format!("<svg>{}</svg>{ARTICLE}", r("<title><style>")),
        "math" => format!("<math>{}</math>{ARTICLE}", r("<mrow><mi>")),
        "svg-foreign-object" => format!("{}{ARTICLE}", r("<svg><foreignObject><div>")),
        "self-closing-div" => format!("{}{ARTICLE}", r("<div/>")),
        "template" => format!("{}{ARTICLE}", r("<template>")),
        "object-b" => format!("{}{ARTICLE}", r("<object><b>")),
        "font-soup" => {
            let body: String = (0..n)
                .map(|i| format!("<font size={}><p>text {i}", i % 7))
                .collect();
            format!("{body}{ARTICLE}")
        }
        "h1-div" => format!("{}{}{ARTICLE}", r("<h1><div>"), r("<p></p>")),
        "nobr" => format!("{}{ARTICLE}", r("<nobr>x")),
        "frameset" => format!("{ARTICLE}{}", r("<frameset>")),
        "dl" => format!("<dl>{}</dl>{ARTICLE}", r("<dt>a<dd>b")),
        "td-run" => format!("<table><tr>{}</table>{ARTICLE}", r("<td>x")),
        "table-text" => format!("<table>{}</table>{ARTICLE}", r("x<b>y</b>")),
        "many-attributes" => {
            let attrs: String = (0..n).map(|i| format!(" a{i}=v")).collect();
            format!("<div{attrs}>{ARTICLE}</div>")
        }
        _ => String::new(),
    }
}

/// A realistic news page of about `bytes` bytes: head metadata, navigation, an article of
/// paragraphs with links and lists, a sidebar of related links, comments and a footer.
pub fn realistic_page(bytes: usize) -> String {
    let mut page = String::with_capacity(bytes + 4096);
    page.push_str(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>\
         <title>Ferry service resumes | Harbour News</title>\
         <meta property=og:title content='Ferry service resumes'>\
         <style>.nav{display:flex}.ad{height:250px}</style></head><body>\
         <header class=site-header><nav class=main-nav><ul>\
         <li><a href=/>Home</a><li><a href=/news>News</a><li><a href=/sport>Sport</a>\
         </ul></nav></header><main><article class=story><h1>Ferry service resumes</h1>",
    );
    let mut i = 0usize;
    while page.len() < bytes {
        i += 1;
        page.push_str(&format!(
            "<p>Paragraph {i}: the harbour reopened after a week of repairs to the north \
             pier, and <a href=/story/{i}>the first ferry</a> left on time with a full deck \
             of cars and cyclists. Officials said the timetable would return to normal by \
             the weekend, once the second landing stage has been inspected.</p>"
        ));
        if i % 10 == 0 {
            page.push_str(&format!(
                "<h2>Section {i}</h2><ul><li>Point one about the pier<li>Point two about \
                 the timetable</ul><div class='ad ad-slot'><script>loadAd({i})</script></div>"
            ));
        }
        if i % 25 == 0 {
            page.push_str(&format!(
                "<aside class=related><h3>Related</h3><ul><li><a href=/r/{i}>More ferry \
                 news</a><li><a href=/r/{i}b>Bridge works</a></ul></aside>"
            ));
        }
    }
    page.push_str(
        "</article></main><section class=comments><h2>Comments</h2>\
         <div class=comment><p>Great news for commuters.</p></div></section>\
         <footer class=site-footer>© Harbour News. All rights reserved.</footer></body></html>",
    );
    page
}
