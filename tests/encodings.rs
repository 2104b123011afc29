//! The same page saved in many charsets extracts to the same text, and the charset is
//! reported with how it was found.
//!
//! Each page is written once as Rust text, in its own language, then encoded with
//! encoding_rs (UTF-16 by hand: encoding_rs only decodes it). The reference is
//! `pith::extract` on the Rust string itself.

use pith::{CharsetSource, Extractor, Options};

/// A news page around `paragraphs`, declaring `charset` in a `<meta>` when given.
fn page(lang: &str, title: &str, paragraphs: &[&str], charset: Option<&str>) -> String {
    let meta = charset.map_or(String::new(), |c| format!("<meta charset=\"{c}\">"));
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head>{meta}<title>{title}</title></head><body>\n\
         <nav><a href=\"/\">1</a> <a href=\"/a\">2</a> <a href=\"/b\">3</a></nav>\n\
         <article><h1>{title}</h1>\n{body}</article>\n\
         <footer><a href=\"/c\">(c)</a></footer></body></html>"
    )
}

const FRENCH_TITLE: &str = "Le marché couvert de Besançon rouvre ses portes";
const FRENCH: &[&str] = &[
    "Après dix-huit mois de travaux, le marché couvert de Besançon a rouvert ses portes \
     samedi matin. Dès sept heures, une foule nombreuse s’est pressée devant les étals des \
     maraîchers, des fromagers et des bouchers, qui avaient été relogés pendant le chantier \
     sous des barnums installés place de la Révolution.",
    "« C’est un soulagement pour tout le monde », confie Françoise Gérard, qui vend des \
     œufs et des volailles depuis trente ans. La rénovation a coûté 4,2 millions d’euros, \
     soit 600 000 € de plus que prévu, en raison de la découverte d’une charpente plus \
     abîmée qu’on ne le pensait.",
    "La mairie promet que les loyers des commerçants n’augmenteront pas avant deux ans. \
     Une fête de réouverture est prévue le week-end prochain, avec un concours de comté \
     affiné et des dégustations offertes aux enfants des écoles du quartier.",
];

const POLISH_TITLE: &str = "Nowy most na Wiśle otwarty dla pieszych";
const POLISH: &[&str] = &[
    "W sobotę rano mieszkańcy Płocka po raz pierwszy przeszli nowym mostem nad Wisłą. \
     Budowa trwała dwa lata, a to, że most jest już gotowy, ucieszyło wszystkich, którzy \
     na niego czekali. Jak mówią urzędnicy, na tę inwestycję miasto wydało ponad \
     czterdzieści milionów złotych, ale większą część pokryły środki unijne.",
    "Przeprawa ma długość prawie pięciuset metrów i łączy stare miasto z osiedlami na \
     prawym brzegu rzeki. Według urzędników z mostu będzie codziennie korzystać kilka \
     tysięcy osób, głównie uczniów, studentów i pracowników dojeżdżających do centrum.",
    "Podczas uroczystości prezydent miasta podziękował robotnikom, którzy pracowali także \
     zimą, gdy było bardzo zimno i nie zawsze dało się pracować. Wieczorem na moście odbył \
     się koncert, a potem na ulicach było jeszcze długo tak wesoło jak w czasie święta.",
];

const CZECH_TITLE: &str = "Ostrava otevřela zrekonstruovanou tržnici";
const CZECH: &[&str] = &[
    "Po dvou letech oprav se v sobotu znovu otevřela tržnice na Smetanově náměstí v \
     Ostravě. Prodejci zeleniny, ovoce a masa se vrátili do budovy, která pochází ze \
     začátku dvacátého století a jejíž střecha byla v havarijním stavu.",
    "Rekonstrukce stála přibližně osmdesát milionů korun. Město slibuje, že nájemné pro \
     trhovce se příští rok nezvýší, a chystá také večerní trhy, na kterých budou moci \
     místní pěstitelé prodávat své výrobky přímo zákazníkům.",
    "Podle průzkumu radnice chodí na tržnici pravidelně více než tři tisíce lidí týdně. \
     Řada z nich uvítala, že se do budovy vrátil i oblíbený stánek s čerstvými koláči.",
];

const JAPANESE_TITLE: &str = "市立図書館が改装を終えて再開";
const JAPANESE: &[&str] = &[
    "市立図書館は二年間の改装工事を終え、土曜日の朝に再開した。開館前から多くの市民が\
     入口に並び、新しくなった閲覧室や子ども向けの読書コーナーを見学した。館長によると、\
     初日の来館者数は三千人を超え、開館以来の記録となったという。",
    "改装では老朽化した空調設備を入れ替え、車椅子でも利用しやすいように書架の間隔を\
     広げた。地下には郷土資料を保管する書庫が新設され、古い地図や写真を研究者が閲覧\
     できるようになった。市は今後、夜間の開館時間を延長することも検討している。",
];

const CHINESE_TITLE: &str = "老城区菜市场完成改造重新开业";
const CHINESE: &[&str] = &[
    "经过一年多的改造，老城区的菜市场于周六上午重新开业。清晨六点，不少居民就已经在门口\
     排队，等着购买新鲜的蔬菜、水果和豆腐。市场负责人表示，改造后的摊位更加整齐，通道也\
     比以前宽敞了许多，老人推着购物车也能方便通行。",
    "这次改造总投资约八百万元，更换了屋顶和排水系统，并新装了通风设备。区政府承诺，\
     摊位租金在两年内不会上涨。不少摊主说，顾客回来了，生意比临时市场的时候好得多，\
     他们希望市场以后还能增加早餐和熟食的摊位。",
];

const RUSSIAN_TITLE: &str = "В Твери открылась обновлённая библиотека";
const RUSSIAN: &[&str] = &[
    "В субботу утром в Твери после двухлетнего ремонта открылась областная библиотека. \
     Ещё до начала работы у входа выстроилась очередь из читателей, которые хотели первыми \
     увидеть новые читальные залы и детский отдел с мягкими креслами.",
    "Во время ремонта в здании заменили отопление и окна, а в подвале оборудовали \
     хранилище для старых книг и газет. По словам директора, теперь библиотека будет \
     работать и по вечерам, чтобы студенты могли заниматься после занятий.",
    "Городские власти потратили на ремонт около ста миллионов рублей. В день открытия \
     для гостей выступил школьный хор, а в фойе прошла выставка фотографий старого города.",
];

fn encode(text: &str, label: &str) -> Vec<u8> {
    let enc = encoding_rs::Encoding::for_label(label.as_bytes()).expect("known label");
    let (bytes, used, unmappable) = enc.encode(text);
    assert_eq!(used, enc, "{label} encodes as itself");
    assert!(
        !unmappable,
        "the {label} page has characters {label} cannot hold"
    );
    bytes.into_owned()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        out.extend_from_slice(&pair);
    }
    out
}

/// Extracts `text` as saved in `label` (declared in a `<meta>`) and checks it against the
/// extraction of the Rust string.
fn assert_same_in(lang: &str, title: &str, paragraphs: &[&str], label: &str, name: &str) {
    let html = page(lang, title, paragraphs, Some(label));
    let expected = pith::extract(&html);
    let kept = paragraphs
        .iter()
        .filter(|p| expected.text.contains(*p))
        .count();
    assert!(
        kept * 2 >= paragraphs.len(),
        "the {lang} page extracts its article:\n{}",
        expected.text
    );
    let bytes = encode(&html, label);
    let article = pith::extract_bytes(&bytes, None).expect("a page");
    assert_eq!(article.text, expected.text, "{label}");
    let owned = pith::Extractor::default()
        .extract_vec(bytes, None)
        .expect("a page");
    assert_eq!(owned, article, "{label}: the owned entry point agrees");
    assert_eq!(article.title, expected.title, "{label}");
    let charset = article.charset.expect("reported");
    assert_eq!(charset.name, name);
    assert_eq!(charset.source, CharsetSource::Meta, "{label}");
}

#[test]
fn french_page_is_the_same_in_utf8_and_windows_1252() {
    assert_same_in("fr", FRENCH_TITLE, FRENCH, "utf-8", "UTF-8");
    assert_same_in("fr", FRENCH_TITLE, FRENCH, "windows-1252", "windows-1252");
}

#[test]
fn central_european_pages_are_the_same_in_iso_8859_2() {
    assert_same_in("pl", POLISH_TITLE, POLISH, "iso-8859-2", "ISO-8859-2");
    assert_same_in("cs", CZECH_TITLE, CZECH, "iso-8859-2", "ISO-8859-2");
    assert_same_in("cs", CZECH_TITLE, CZECH, "windows-1250", "windows-1250");
}

#[test]
fn japanese_page_is_the_same_in_shift_jis_and_euc_jp() {
    assert_same_in("ja", JAPANESE_TITLE, JAPANESE, "shift_jis", "Shift_JIS");
    assert_same_in("ja", JAPANESE_TITLE, JAPANESE, "euc-jp", "EUC-JP");
}

#[test]
fn chinese_page_is_the_same_in_gb18030_and_gbk() {
    assert_same_in("zh", CHINESE_TITLE, CHINESE, "gb18030", "gb18030");
    assert_same_in("zh", CHINESE_TITLE, CHINESE, "gbk", "GBK");
}

#[test]
fn russian_page_is_the_same_in_koi8_r_and_windows_1251() {
    assert_same_in("ru", RUSSIAN_TITLE, RUSSIAN, "koi8-r", "KOI8-R");
    assert_same_in("ru", RUSSIAN_TITLE, RUSSIAN, "windows-1251", "windows-1251");
}

#[test]
fn utf16_pages_with_a_byte_order_mark_are_read_in_both_byte_orders() {
    for (lang, title, paragraphs) in [
        ("fr", FRENCH_TITLE, FRENCH),
        ("ja", JAPANESE_TITLE, JAPANESE),
        ("ru", RUSSIAN_TITLE, RUSSIAN),
    ] {
        // The `<meta>` says UTF-16, which a page could only say if it was already read as
        // UTF-16: the byte order mark decides.
        let html = page(lang, title, paragraphs, Some("utf-16"));
        let expected = pith::extract(&html);
        assert!(!expected.text.is_empty());
        for (little_endian, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let article = pith::extract_bytes(&utf16(&html, little_endian), None).expect("a page");
            assert_eq!(article.text, expected.text, "{lang} {name}");
            let charset = article.charset.expect("reported");
            assert_eq!((charset.name, charset.source), (name, CharsetSource::Bom));
        }
    }
}

#[test]
fn utf8_byte_order_mark_wins_over_a_wrong_header() {
    let html = page("ru", RUSSIAN_TITLE, RUSSIAN, None);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(html.as_bytes());
    let article =
        pith::extract_bytes(&bytes, Some("text/html; charset=windows-1251")).expect("a page");
    assert_eq!(article.text, pith::extract(&html).text);
    let charset = article.charset.expect("reported");
    assert_eq!(
        (charset.name, charset.source),
        ("UTF-8", CharsetSource::Bom)
    );
}

#[test]
fn header_charset_wins_over_a_stale_meta() {
    // Saved as KOI8-R by a server that says so, with a template's meta still claiming
    // windows-1251: the header is right.
    let html = page("ru", RUSSIAN_TITLE, RUSSIAN, Some("windows-1251"));
    let bytes = encode(&html, "koi8-r");
    let article = pith::extract_bytes(&bytes, Some("text/html;charset=KOI8-R")).expect("a page");
    assert_eq!(article.text, pith::extract(&html).text);
    let charset = article.charset.expect("reported");
    assert_eq!(
        (charset.name, charset.source),
        ("KOI8-R", CharsetSource::Header)
    );
}

#[test]
fn latin1_header_on_utf8_bytes_is_read_as_utf8() {
    let html = page("pl", POLISH_TITLE, POLISH, None);
    for header in [
        "text/html; charset=ISO-8859-1",
        "text/html; charset=us-ascii",
    ] {
        let article = pith::extract_bytes(html.as_bytes(), Some(header)).expect("a page");
        assert_eq!(article.text, pith::extract(&html).text, "{header}");
        let charset = article.charset.expect("reported");
        assert_eq!(
            (charset.name, charset.source),
            ("UTF-8", CharsetSource::Utf8Override)
        );
    }
}

#[test]
fn utf8_header_on_legacy_bytes_is_overruled_by_the_bytes() {
    // A server default of UTF-8 in front of a windows-1251 page: read as UTF-8, every
    // Cyrillic letter would be a replacement character.
    let html = page("ru", RUSSIAN_TITLE, RUSSIAN, None);
    let bytes = encode(&html, "windows-1251");
    let article = pith::extract_bytes(&bytes, Some("text/html; charset=utf-8")).expect("a page");
    assert_eq!(article.text, pith::extract(&html).text);
    let charset = article.charset.expect("reported");
    assert_eq!(
        (charset.name, charset.source),
        ("windows-1251", CharsetSource::Guess)
    );
}

#[test]
fn utf8_page_with_a_few_stray_bytes_stays_utf8() {
    // Templates glued together from files in different charsets: one stray windows-1252
    // byte must not turn every other non-ASCII letter into mojibake.
    let html = page("cs", CZECH_TITLE, CZECH, Some("utf-8"));
    let mut bytes = html.into_bytes();
    let at = bytes.len() - 20;
    bytes.insert(at, 0xE9);
    let article = pith::extract_bytes(&bytes, None).expect("a page");
    assert!(article.text.contains(CZECH[0]), "{}", article.text);
    let charset = article.charset.expect("reported");
    assert_eq!(
        (charset.name, charset.source),
        ("UTF-8", CharsetSource::Meta)
    );
}

#[test]
fn meta_after_the_first_1024_bytes_is_not_read_and_the_bytes_are_guessed() {
    // The prescan window is 1024 bytes; a declaration later is too late (browsers agree),
    // so the detector decides, and gets it right for a page of real text.
    let padding = format!("<!-- {} -->", "x".repeat(1100));
    let html = page("ru", RUSSIAN_TITLE, RUSSIAN, None).replacen(
        "<head>",
        &format!("<head>{padding}<meta charset=\"koi8-r\">"),
        1,
    );
    let bytes = encode(&html, "koi8-r");
    let article = pith::extract_bytes(&bytes, None).expect("a page");
    assert_eq!(article.text, pith::extract(&html).text);
    let charset = article.charset.expect("reported");
    assert_eq!(charset.source, CharsetSource::Guess);
    // KOI8-U differs from KOI8-R only in Ukrainian letters: the detector cannot tell them
    // apart on Russian text, and both decode it the same.
    assert!(
        ["KOI8-R", "KOI8-U"].contains(&charset.name),
        "{}",
        charset.name
    );
}

#[test]
fn undeclared_pages_are_guessed_from_their_bytes() {
    let cases: [(&str, &str, &[&str], &str, &str); 5] = [
        ("fr", FRENCH_TITLE, FRENCH, "windows-1252", "windows-1252"),
        ("ja", JAPANESE_TITLE, JAPANESE, "shift_jis", "Shift_JIS"),
        ("zh", CHINESE_TITLE, CHINESE, "gb18030", "GBK"),
        ("ru", RUSSIAN_TITLE, RUSSIAN, "windows-1251", "windows-1251"),
        ("cs", CZECH_TITLE, CZECH, "iso-8859-2", "ISO-8859-2"),
    ];
    for (lang, title, paragraphs, label, guessed) in cases {
        let html = page(lang, title, paragraphs, None);
        let article = pith::extract_bytes(&encode(&html, label), None).expect("a page");
        assert_eq!(article.text, pith::extract(&html).text, "{label}");
        let charset = article.charset.expect("reported");
        assert_eq!(
            (charset.name, charset.source),
            (guessed, CharsetSource::Guess)
        );
    }
    let html = page("fr", FRENCH_TITLE, FRENCH, None);
    let charset = pith::extract_bytes(html.as_bytes(), None)
        .expect("a page")
        .charset
        .expect("reported");
    assert_eq!(
        (charset.name, charset.source),
        ("UTF-8", CharsetSource::Guess)
    );
}

#[test]
fn extract_and_extract_bytes_agree_and_extract_never_fails() {
    let html = page("ja", JAPANESE_TITLE, JAPANESE, Some("utf-8"));
    let extractor = Extractor::new(Options::default());
    let from_bytes = extractor
        .extract_bytes(html.as_bytes(), None)
        .expect("a page");
    let from_text = extractor.extract(&html);
    assert_eq!(from_bytes.text, from_text.text);
    assert_eq!(from_bytes.metadata, from_text.metadata);
}

#[test]
fn the_owned_entry_point_agrees_with_the_borrowed_one_with_or_without_a_bom() {
    let html = page(
        "en",
        "Harbour reopens",
        &[
            "The harbour reopened on Monday after a week of repairs to the north pier, and \
             the first ferry left on time with a full deck of cars and cyclists.",
            "Officials said the timetable would return to normal by the weekend, once the \
             second landing stage has been inspected by the engineers.",
        ],
        None,
    );
    let plain = html.clone().into_bytes();
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(html.as_bytes());
    let extractor = pith::Extractor::default();
    for bytes in [plain, with_bom, utf16(&html, true)] {
        let borrowed = extractor.extract_bytes(&bytes, None).expect("a page");
        assert!(borrowed.text.contains("north pier"), "{}", borrowed.text);
        let owned = extractor.extract_vec(bytes, None).expect("a page");
        assert_eq!(owned, borrowed);
    }
    let binary = vec![0u8; 4096];
    assert_eq!(
        extractor.extract_vec(binary.clone(), None),
        extractor.extract_bytes(&binary, None)
    );
}
