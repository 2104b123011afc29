//! The native module of the `pith` Python package (`pith._pith`).
//!
//! A thin layer over the `pith` crate: it turns Python arguments into [`pith::Options`],
//! runs the extraction with the GIL released, and hands back the page's
//! [`pith::record::Record`] (the JSON record the CLI writes) as an `Article` object. No
//! field is named here that the record does not already have, except `fingerprint`; a field
//! added to the record appears in `Article.to_dict()` and as an attribute at once.
//!
//! Nothing here may take the interpreter down: every extraction runs under
//! `catch_unwind`, and a panic becomes a `PithError` (for `extract`) or that page's error
//! entry (for `extract_many`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pith::record::Record;
use pith::{Article, Extractor, Focus, Options};
use pyo3::create_exception;
use pyo3::exceptions::{PyAttributeError, PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde_json::Value;

create_exception!(
    pith,
    PithError,
    PyException,
    "A page that cannot be read as a web page (binary data, over the size limit…); the \
     message says why."
);

/// The extracted article of one page, with the fields of the JSON record the CLI writes
/// (`pith PAGE --format json`, `pith batch`).
///
/// Attributes are the record's fields (`id`, `url`, `title`, `text`, `byline`,
/// `published`, `language`, `site_name`, `description`, `canonical_url`, `charset`,
/// `charset_source`, `error`), plus `fingerprint`. `to_dict()` is the record itself.
#[pyclass(name = "Article", module = "pith", frozen)]
struct PyArticle {
    article: Article,
    record: Record,
}

impl PyArticle {
    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.record.get(name) {
            Some(value) => to_python(py, value),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

#[pymethods]
impl PyArticle {
    /// Where the page came from: the `id` given to `extract`, or a page's `"id"` key.
    #[getter]
    fn id<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "id")
    }
    /// The page's address, when given (the base of its relative links).
    #[getter]
    fn url<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "url")
    }
    /// The headline, `""` when none.
    #[getter]
    fn title<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "title")
    }
    /// The article text, one block per line; `""` when none or on error.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "text")
    }
    /// The author line, if the page names one.
    #[getter]
    fn byline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "byline")
    }
    /// The publication date as the page gives it (ISO 8601 when it says so).
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "published")
    }
    /// The page's language tag (`en`, `de-CH`…).
    #[getter]
    fn language<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "language")
    }
    /// The site's name (`og:site_name` and the like).
    #[getter]
    fn site_name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "site_name")
    }
    /// The page's own summary (`description` meta).
    #[getter]
    fn description<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "description")
    }
    /// The canonical address the page declares.
    #[getter]
    fn canonical_url<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "canonical_url")
    }
    /// The encoding the bytes were read with (`UTF-8`, `windows-1252`…); None for `str` input.
    #[getter]
    fn charset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "charset")
    }
    /// How the charset was found: `bom`, `header`, `meta`, `utf8-override`, `guess`.
    #[getter]
    fn charset_source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "charset_source")
    }
    /// Why the page failed (only from `extract_many`, which never raises for a page); None
    /// when it did not.
    #[getter]
    fn error<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "error")
    }
    /// A 64-bit SimHash of the text, for near-duplicate detection (small Hamming distance:
    /// near-duplicates).
    #[getter]
    fn fingerprint(&self) -> u64 {
        self.article.fingerprint
    }
    /// Any other field of the record (those added after this binding was written).
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.record.get(name) {
            Some(value) => to_python(py, value),
            // The record carries `comments` only when some were found.
            None if name == "comments" => Ok(pyo3::types::PyList::empty(py).into_any()),
            None => Err(PyAttributeError::new_err(format!(
                "'pith.Article' object has no attribute '{name}'"
            ))),
        }
    }
    /// The article as Markdown: headings, lists, tables, quotes and code kept.
    fn markdown(&self, py: Python<'_>) -> String {
        py.detach(|| self.article.to_markdown())
    }
    /// The article as clean HTML (only structural tags, no attributes but links and
    /// images).
    fn html(&self, py: Python<'_>) -> String {
        py.detach(|| self.article.to_html())
    }
    /// The JSON record of the page, as `pith PAGE --format json` writes it (without
    /// `seconds`), with the fields in the same order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, value) in self.record.fields() {
            dict.set_item(*name, to_python(py, value)?)?;
        }
        Ok(dict)
    }
    /// The JSON record as one line (no newline), byte for byte what the CLI writes but for
    /// `seconds`.
    fn to_json(&self) -> String {
        self.record.to_json()
    }
    fn __repr__(&self) -> String {
        let title = self.record.get("title").map(Value::to_string);
        let chars = self.article.text.chars().count();
        match self.record.get("error").and_then(Value::as_str) {
            Some(error) => format!("<pith.Article error={}>", Value::from(error)),
            None => format!(
                "<pith.Article title={} text={chars} chars>",
                title.unwrap_or_default()
            ),
        }
    }
}

/// A record value as a Python object (JSON types map to `None`, `bool`, `int`, `float`,
/// `str`, `list`, `dict`).
fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, None, f) => f.unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// The options shared by `extract` and `extract_many`.
///
/// A new option: add the keyword to both `#[pyo3(signature …)]` lists, pass it here, and
/// add it to `pith/_pith.pyi`.
#[derive(Clone)]
struct Settings {
    options: Options,
}

impl Settings {
    fn new(
        focus: &str,
        min_article_chars: Option<usize>,
        include_captions: Option<bool>,
        max_input_bytes: Option<usize>,
        comments: bool,
    ) -> PyResult<Self> {
        let focus = match focus {
            "precision" => Focus::Precision,
            "balanced" => Focus::Balanced,
            "recall" => Focus::Recall,
            other => {
                return Err(PyValueError::new_err(format!(
                    "focus must be 'precision', 'balanced' or 'recall', not {other:?}"
                )));
            }
        };
        let mut options = Options::default().focus(focus).comments(comments);
        if let Some(chars) = min_article_chars {
            options = options.min_article_chars(chars);
        }
        if let Some(yes) = include_captions {
            options = options.include_captions(yes);
        }
        if let Some(bytes) = max_input_bytes {
            options = options.max_input_bytes(bytes);
        }
        Ok(Settings { options })
    }

    fn extractor(&self, url: Option<&str>) -> Extractor {
        match url {
            Some(url) => Extractor::new(self.options.clone().base_url(url)),
            None => Extractor::new(self.options.clone()),
        }
    }
}

/// A page's article (or why it failed) and its record.
type Outcome = (Result<Article, String>, Record);

/// One page's input, borrowed from its Python objects (which outlive the extraction).
enum Html<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

struct Page<'a> {
    html: Html<'a>,
    url: Option<&'a str>,
    content_type: Option<&'a str>,
    id: Option<&'a str>,
}

/// Extracts one page; never panics (a panic in the library becomes an error).
fn run(settings: &Settings, page: &Page<'_>) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let extractor = settings.extractor(page.url);
        match page.html {
            Html::Text(text) => extractor.try_extract(text),
            Html::Bytes(bytes) => extractor.extract_bytes(bytes, page.content_type),
        }
        .map_err(|e| e.to_string())
    }))
    .unwrap_or_else(|panic| Err(format!("internal error: {}", panic_message(&panic))));
    let record = Record::new(page.id, page.url, result.as_ref().map_err(String::as_str));
    (result, record)
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        format!("panic: {s}")
    } else if let Some(s) = panic.downcast_ref::<String>() {
        format!("panic: {s}")
    } else {
        "panic".to_owned()
    }
}

fn html_of<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<Html<'a>> {
    if let Ok(s) = value.cast::<PyString>() {
        Ok(Html::Text(s.to_str()?))
    } else if let Ok(b) = value.cast::<PyBytes>() {
        Ok(Html::Bytes(b.as_bytes()))
    } else {
        Err(PyTypeError::new_err(format!(
            "a page is str or bytes, not {}",
            value.get_type().name()?
        )))
    }
}

fn optional_str<'a>(value: Option<&'a Bound<'_, PyAny>>, what: &str) -> PyResult<Option<&'a str>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => Ok(Some(s.to_str()?)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "{what} must be str or None, not {}",
                v.get_type().name()?
            ))),
        },
    }
}

/// Extracts the article of one page.
///
/// `html` is the page as `str`, or as `bytes` in any charset (found from a byte order
/// mark, `content_type`'s `charset`, a `<meta>`, or guessed; `Article.charset` says which).
/// `url` is the page's address (the base of relative links, and the record's `url`), `id`
/// the record's `id`. `focus` is `"precision"`, `"balanced"` or `"recall"`. The GIL is
/// released while Rust works, so Python threads extract in parallel.
///
/// Raises `PithError` when the input is not a web page (binary data, over
/// `max_input_bytes`), `ValueError` for a bad `focus`, `TypeError` for a bad argument type.
#[pyfunction]
#[pyo3(signature = (html, *, url=None, content_type=None, id=None, focus="balanced",
    min_article_chars=None, include_captions=None, max_input_bytes=None, comments=false))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    content_type: Option<&str>,
    id: Option<&str>,
    focus: &str,
    min_article_chars: Option<usize>,
    include_captions: Option<bool>,
    max_input_bytes: Option<usize>,
    comments: bool,
) -> PyResult<PyArticle> {
    let settings = Settings::new(
        focus,
        min_article_chars,
        include_captions,
        max_input_bytes,
        comments,
    )?;
    let page = Page {
        html: html_of(html)?,
        url,
        content_type,
        id,
    };
    let (result, record) = py.detach(|| run(&settings, &page));
    match result {
        Ok(article) => Ok(PyArticle { article, record }),
        Err(reason) => Err(PithError::new_err(reason)),
    }
}

/// Extracts many pages in parallel in Rust and returns their articles in input order.
///
/// `pages` is a list or any iterable; each page is `str`, `bytes`, or a dict with `"html"`
/// (str or bytes) and optionally `"url"`, `"content_type"` and `"id"`. `jobs` is the number
/// of threads (default: the machine's cores). Never raises for a page: a page that fails
/// (not a web page, wrong type) gives an `Article` whose `error` says why and whose text is
/// empty, so the result always has one entry per page.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (pages, *, jobs=None, focus="balanced", min_article_chars=None,
    include_captions=None, max_input_bytes=None, comments=false))]
fn extract_many(
    py: Python<'_>,
    pages: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    focus: &str,
    min_article_chars: Option<usize>,
    include_captions: Option<bool>,
    max_input_bytes: Option<usize>,
    comments: bool,
) -> PyResult<Vec<PyArticle>> {
    let settings = Settings::new(
        focus,
        min_article_chars,
        include_captions,
        max_input_bytes,
        comments,
    )?;
    let jobs = match jobs {
        Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    // Hold every item (and, for dicts, its values) so the borrowed pages stay valid while
    // the GIL is released.
    let items: Vec<Bound<'_, PyAny>> = pages.try_iter()?.collect::<PyResult<_>>()?;
    let held: Vec<Vec<Bound<'_, PyAny>>> = items.iter().map(hold).collect::<PyResult<_>>()?;
    let inputs: Vec<Result<Page<'_>, String>> = items
        .iter()
        .zip(&held)
        .map(|(item, values)| read_page(item, values))
        .collect();
    let outcomes = py.detach(|| extract_all(&settings, &inputs, jobs));
    Ok(outcomes
        .into_iter()
        .map(|(result, record)| PyArticle {
            article: result.unwrap_or_default(),
            record,
        })
        .collect())
}

const DICT_KEYS: [&str; 4] = ["html", "url", "content_type", "id"];

/// For a dict page, its values under [`DICT_KEYS`] (or None), kept alive by the caller.
fn hold<'py>(item: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let Ok(dict) = item.cast::<PyDict>() else {
        return Ok(Vec::new());
    };
    DICT_KEYS
        .iter()
        .map(|key| {
            Ok(dict
                .get_item(key)?
                .unwrap_or_else(|| item.py().None().into_bound(item.py())))
        })
        .collect()
}

fn read_page<'a>(
    item: &'a Bound<'_, PyAny>,
    values: &'a [Bound<'_, PyAny>],
) -> Result<Page<'a>, String> {
    let read = || -> PyResult<Page<'a>> {
        match values {
            [html, url, content_type, id] => {
                if html.is_none() {
                    return Err(PyTypeError::new_err("a page dict needs an \"html\" key"));
                }
                Ok(Page {
                    html: html_of(html)?,
                    url: optional_str(Some(url), "\"url\"")?,
                    content_type: optional_str(Some(content_type), "\"content_type\"")?,
                    id: optional_str(Some(id), "\"id\"")?,
                })
            }
            _ => Ok(Page {
                html: html_of(item)?,
                url: None,
                content_type: None,
                id: None,
            }),
        }
    };
    read().map_err(|e| e.to_string())
}

/// Extracts every page on `jobs` threads; results in input order.
fn extract_all(
    settings: &Settings,
    inputs: &[Result<Page<'_>, String>],
    jobs: usize,
) -> Vec<Outcome> {
    let one = |input: &Result<Page<'_>, String>| match input {
        Ok(page) => run(settings, page),
        Err(reason) => {
            let record = Record::new(None, None, Err(reason));
            (Err(reason.clone()), record)
        }
    };
    let jobs = jobs.min(inputs.len()).max(1);
    if jobs == 1 {
        return inputs.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Outcome>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(input), Some(slot)) = (inputs.get(i), slots.get(i)) else {
                        break;
                    };
                    let outcome = one(input);
                    if let Ok(mut slot) = slot.lock() {
                        *slot = Some(outcome);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                let reason = "internal error: the page was not extracted";
                (Err(reason.to_owned()), Record::new(None, None, Err(reason)))
            })
        })
        .collect()
}

/// The native part of the `pith` package; import `pith`, not this.
#[pymodule]
fn _pith(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_class::<PyArticle>()?;
    m.add("PithError", m.py().get_type::<PithError>())?;
    Ok(())
}
