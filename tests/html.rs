//! Clean HTML output: only an allow-list of tags and attributes, no event handlers, no
//! `javascript:`/`data:` URLs, every character of the text escaped — on the corpus and on
//! hostile input. The output is parsed back with scraper (html5ever) to check.

use scraper::{Html, Node};
use std::path::Path;

/// Tags `Article::to_html` may write, and the attributes each may carry.
const ALLOWED: &[(&str, &[&str])] = &[
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("p", &[]),
    ("br", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("blockquote", &[]),
    ("pre", &[]),
    ("code", &["class"]),
    ("em", &[]),
    ("strong", &[]),
    ("a", &["href"]),
    ("img", &["src", "alt"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &[]),
    ("td", &[]),
    ("figure", &[]),
    ("figcaption", &[]),
];

/// Every element of the fragment, checked against the allow-list; returns its text.
fn check(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut text = String::new();
    for node in doc.tree.root().descendants() {
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                if name == "html" {
                    continue; // the fragment parser's own wrapper
                }
                let allowed = ALLOWED
                    .iter()
                    .find(|(tag, _)| *tag == name)
                    .unwrap_or_else(|| panic!("tag <{name}> not allowed in\n{html}"))
                    .1;
                for (attr, value) in el.attrs() {
                    assert!(
                        allowed.contains(&attr),
                        "attribute {attr} on <{name}> not allowed in\n{html}"
                    );
                    assert!(!attr.starts_with("on"), "event handler in\n{html}");
                    let v = value.trim().to_ascii_lowercase();
                    assert!(
                        !v.starts_with("javascript:")
                            && !v.starts_with("data:")
                            && !v.starts_with("vbscript:"),
                        "unsafe URL {value:?} in\n{html}"
                    );
                    if attr == "class" {
                        assert!(
                            value.starts_with("language-") && !value.contains(['"', ' ', '<']),
                            "class {value:?}"
                        );
                    }
                    if matches!(attr, "href" | "src") {
                        // A scheme is a letter, then letters, digits, '+', '-' or '.', then
                        // ':'; anything else is a relative URL (RFC 3986 §3.1).
                        let scheme = v.split_once(':').map(|(s, _)| s).filter(|s| {
                            s.starts_with(|c: char| c.is_ascii_alphabetic())
                                && s.chars()
                                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                        });
                        assert!(
                            scheme.is_none_or(|s| matches!(
                                s,
                                "http" | "https" | "mailto" | "ftp" | "tel"
                            )),
                            "unexpected scheme in {value:?}"
                        );
                    }
                }
            }
            Node::Text(t) => text.push_str(t),
            Node::Comment(_) => panic!("comment in\n{html}"),
            _ => {}
        }
    }
    text
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Extracts the page at `path` and checks that its cleaned HTML passes the allow-list and
/// holds the title and every block's text (cells for table rows).
fn assert_allowed_html_with_all_text(path: &Path) {
    let bytes = std::fs::read(path).expect("page");
    let a = pith::extract_bytes(&bytes, None).expect("page extracts");
    let text = check(&a.to_html());
    let mut want = a.title.clone();
    for b in &a.blocks {
        match &b.row {
            Some(row) => row.cells.iter().for_each(|c| want.push_str(&c.text)),
            None => want.push_str(&b.text),
        }
    }
    assert_eq!(squeeze(&text), squeeze(&want), "{}", path.display());
}

#[test]
fn corpus_pages_render_to_allowed_html_with_all_their_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let mut pages = 0;
    for entry in std::fs::read_dir(dir).expect("corpus/html") {
        assert_allowed_html_with_all_text(&entry.expect("entry").path());
        pages += 1;
    }
    assert!(pages >= 45);
}

const PROSE: &str = "<p>The harbour reopened on Monday after a week of repairs to the north \
    pier, and the first ferry of the morning left on time with a full deck of cars and \
    cyclists waiting in the rain, while the port officials said the timetable would return to \
    normal by the weekend once the second landing stage had been inspected.</p>";

#[test]
fn hostile_markup_leaves_nothing_active_behind() {
    let hostile = format!(
        "<html><body><article onload='steal()'>{PROSE}\
         <p onclick=\"alert(1)\" style=\"background:url(javascript:alert(2))\">From Monday the new winter timetable \
         applies to all of the crossings, and the company says that it will keep it in place \
         until the end of March at the earliest, when the summer boats return. Readers can \
         <a href=\"javascript:alert(3)\">download the timetable</a>, \
         <a href=\" JaVaScRiPt:alert(4)\">print it</a>, \
         <a href=\"java&#x09;script:alert(5)\">share it</a>, \
         <a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==\">save it</a> or \
         <a href=\"vbscript:msgbox(7)\">mail it</a> &lt;script&gt;alert(8)&lt;/script&gt; \
         <img src=x onerror=\"alert(9)\" alt='\" onerror=\"alert(10)'> \
         <img src=\"javascript:alert(11)\"> <svg onload=alert(12)><script>alert(13)</script></svg> \
         <a href=\"/ok\" onmouseover=\"alert(14)\" title=\"x\">the plan</a>.</p>\
         <script>alert(15)</script><iframe src=\"javascript:alert(16)\"></iframe>\
         <ul><li onclick=alert(17)>item <b onmouseover=alert(18)>one</b> of the list</li></ul>\
         <pre>if (a &lt; b) {{ print(\"&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(19)&lt;/script&gt;\"); }}\n\
         // and the rest of the program, which is long enough to be kept as code</pre>{PROSE}</article></body></html>"
    );
    let a =
        pith::Extractor::new(pith::Options::default().focus(pith::Focus::Recall)).extract(&hostile);
    let html = a.to_html();
    let text = check(&html);
    assert!(html.contains("<a href=\"/ok\">the plan</a>"), "{html}");
    assert!(
        html.contains("<img src=\"x\" alt=\"&quot; onerror=&quot;alert(10)\">"),
        "{html}"
    );
    assert!(
        text.contains("<script>alert(8)</script>"),
        "escaped text survives as text"
    );
    assert!(
        text.contains("</code></pre><script>alert(19)</script>"),
        "{html}"
    );
    for n in [1, 2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 14, 15, 16, 17, 18] {
        assert!(
            !html.contains(&format!("alert({n})")),
            "alert({n}) survived in\n{html}"
        );
    }
    assert!(!html.contains("msgbox"), "{html}");
}

#[test]
fn benchmark_pages_render_to_allowed_html_with_all_their_text() {
    let root = std::env::var_os("PITH_DATASETS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets"));
    let mut pages = 0;
    for set in ["scrapinghub", "readability"] {
        let Ok(entries) = std::fs::read_dir(root.join(set).join("html")) else {
            continue;
        };
        for entry in entries {
            assert_allowed_html_with_all_text(&entry.expect("entry").path());
            pages += 1;
        }
    }
    if pages == 0 {
        eprintln!("shared datasets not found; set PITH_DATASETS to check them");
    }
}
