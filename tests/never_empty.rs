//! Pages that came out empty although a reader sees their content: text shown by script
//! after loading (hidden by an inline style until then), and pages of short texts with no
//! paragraph of prose.

fn text_of(html: &str) -> String {
    pith::extract(html).text
}

const STORY: &str = "<h1>Night trains return to the valley line</h1>\
    <p>The regional rail company will run a night train between the two valley towns from \
    March, the first since the line was cut back a decade ago, its director said.</p>\
    <p>Tickets go on sale next month, and the company expects most riders to be students and \
    shift workers who now depend on a single late bus that often runs full.</p>";

#[test]
fn a_page_hidden_until_its_script_runs_is_read() {
    // A framework wrapper hides the whole body until the page's script shows it.
    let html = format!(
        "<html><body><div style=\"visibility:hidden; min-height:100vh\">\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <main><article>{STORY}</article></main></div></body></html>"
    );
    let text = text_of(&html);
    assert!(
        text.contains("first since the line was cut back"),
        "{text:?}"
    );
    assert!(!text.contains("Home"), "{text:?}");
    let why = pith::Extractor::default().explain(&html);
    assert!(why.revealed);
}

#[test]
fn hidden_text_stays_out_when_the_visible_page_has_an_article() {
    let html = format!(
        "<html><body><main><article>{STORY}</article></main>\
         <div style=\"display:none\"><p>A hidden dialog that asks the reader to rate this \
         page, with several sentences of text so that it is long enough to matter here. It \
         goes on for a while, and then some more, to outweigh nothing in particular.</p></div>\
         </body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Tickets go on sale"), "{text:?}");
    assert!(!text.contains("hidden dialog"), "{text:?}");
    assert!(!pith::Extractor::default().explain(&html).revealed);
}

#[test]
fn a_page_of_short_texts_without_prose_keeps_them() {
    // A product page: name, short selling points, a few specification lines, each in a box
    // of its own (no record set); no block reads as a paragraph of prose, and the menu and
    // footer around them are links.
    let html = "<html><body><header><nav><a href=/>Shop</a> <a href=/sale>Sale</a> \
        <a href=/help>Help</a></nav></header>\
        <main><h1>Walnut desk organiser, three trays</h1>\
        <div class=use>Holds paper, notebooks, a tablet</div>\
        <div class=material>Oiled solid walnut, felt feet</div>\
        <div class=size>Width 32 cm, depth 24 cm, height 18 cm</div>\
        <div class=origin>Made in a workshop in Portugal</div>\
        <div class=delivery>Ships flat in recycled cardboard</div></main>\
        <footer><a href=/terms>Terms and conditions of sale</a> \
        <a href=/privacy>Privacy</a> <a href=/returns>Returns and refunds</a> \
        <a href=/delivery>Delivery times and costs</a> <a href=/trade>Trade accounts</a> \
        <a href=/stores>Find a showroom near you</a></footer></body></html>";
    let text = text_of(html);
    assert!(text.contains("Oiled solid walnut"), "{text:?}");
    assert!(text.contains("Ships flat"), "{text:?}");
    assert!(text.contains("Width 32 cm"), "{text:?}");
    assert!(!text.contains("Privacy"), "{text:?}");
}

#[test]
fn a_login_wall_stays_empty() {
    // Menus, a sign-in form and a footer: nothing of its own to read (and more than a
    // tiny page, which is kept whole).
    let links: String = [
        "Home",
        "News",
        "Sport",
        "Weather",
        "Culture and the arts",
        "Travel",
    ]
    .iter()
    .map(|l| format!("<a href=/{l}>{l}</a> "))
    .collect();
    let footer: String = [
        "Terms of use",
        "Privacy policy",
        "Cookie settings",
        "Contact the newsroom",
        "Work with us",
        "Advertise with us",
        "Accessibility statement",
        "Complaints and corrections",
        "Help centre and frequently asked questions",
        "Newsletters and alerts",
        "Our journalism standards",
        "Subscribe to the print edition",
        "Download the mobile app",
        "Regional editions and archives",
        "Events and competitions",
    ]
    .iter()
    .map(|l| format!("<li><a href=/f>{l}</a></li>"))
    .collect();
    let html = format!(
        "<html><body><header><nav>{links}</nav></header>\
         <div><h2>Sign in</h2><form><input name=user><input name=pass type=password>\
         <button>Log in</button></form></div><footer><ul>{footer}</ul>\
         <p>© 2026 The Valley Herald</p></footer></body></html>"
    );
    assert_eq!(text_of(&html), "");
}

/// A shop grid: cards of one shape, each a `<figure>` whose `<figcaption>` holds the
/// product's name, maker and price, all linked.
fn figure_grid() -> String {
    let card = |name: &str, maker: &str, price: &str| {
        format!(
            "<li class='product'><figure><a href='/p/{maker}'><img src='/i/{maker}.jpg' \
             alt=''></a><figcaption><a href='/p/{maker}'>{name}</a>\
             <div>Manufacturer: {maker}</div><div>Price: {price}</div></figcaption></figure></li>"
        )
    };
    format!(
        "<html><body><nav><a href=/>Home</a> <a href=/p>Projectors</a></nav>\
         <main><h1>Short throw projectors</h1><ul class='grid'>{}{}{}{}</ul></main>\
         <footer><a href=/terms>Terms</a></footer></body></html>",
        card("Lumen 4K short throw laser projector", "Lumen", "$4,899.00"),
        card(
            "Brightline ultra short throw projector",
            "Brightline",
            "$6,496.00"
        ),
        card(
            "Opticus installation laser projector",
            "Opticus",
            "$5,719.00"
        ),
        card(
            "Halden portable triple laser projector",
            "Halden",
            "$2,497.97"
        ),
    )
}

#[test]
fn the_captions_of_a_grid_of_figures_are_its_records() {
    let text = text_of(&figure_grid());
    assert!(
        text.contains("Brightline ultra short throw projector"),
        "{text:?}"
    );
    assert!(text.contains("Manufacturer: Opticus"), "{text:?}");
    assert!(!text.contains("Terms"), "{text:?}");
}

#[test]
fn a_form_around_the_whole_page_is_no_sign_up_box() {
    // ASP.NET WebForms put the whole page in one `<form>`.
    let html = figure_grid()
        .replace("<body>", "<body><form id='aspnetForm' action='/p'>")
        .replace("</body>", "</form></body>");
    let text = text_of(&html);
    assert!(
        text.contains("Halden portable triple laser projector"),
        "{text:?}"
    );
}

#[test]
fn a_hidden_cookie_settings_panel_is_no_article_however_long() {
    // A recipe listing (teaser cards) with a consent platform's settings panel, kept hidden
    // until its script opens it: paragraphs about each kind of cookie, more prose than
    // the cards have.
    let card = |title: &str, blurb: &str| {
        format!("<div class='card'><a href='/r/{title}'>{title}</a><p>{blurb}</p></div>")
    };
    let cards: String = [
        (
            "Slow roasted tomato sauce",
            "Roasting the tomatoes first gives the sauce depth.",
        ),
        (
            "Five minute marinara",
            "Canned tomatoes, garlic and olive oil, nothing more.",
        ),
        (
            "Vodka sauce for a crowd",
            "A creamy sauce that holds well on a buffet table.",
        ),
        (
            "Fresh cherry tomato sauce",
            "Summer tomatoes burst in the pan in ten minutes.",
        ),
    ]
    .iter()
    .map(|(t, b)| card(t, b))
    .collect();
    let panel = "We process your data to deliver content and advertisements and to measure \
        their delivery; we share this information with our partners on the basis of \
        consent. These cookies allow us to count visits and traffic sources so that we can \
        measure and improve the performance of our site, and they help us to know which \
        pages are the most and least popular. These cookies may be set through our site by \
        our advertising partners to build a profile of your interests and show you \
        relevant adverts on other sites. These cookies are necessary for the website to \
        function and cannot be switched off in our systems.";
    let html = format!(
        "<html><body><main><h1>Tomato sauce recipes</h1><div class='grid'>{cards}</div>\
         </main><div class='ot-hide'><div class='consent-panel'><p>{panel}</p>\
         <p>{panel}</p></div></div></body></html>"
    );
    let text = text_of(&html);
    assert!(text.contains("Five minute marinara"), "{text:?}");
    assert!(!text.contains("These cookies"), "{text:?}");
}
