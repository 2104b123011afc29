//! The page types themselves, apart from the stage that decides them, so that the article
//! record and the word lists can name a type without depending on the stage (which reads
//! both).

#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;

/// What kind of page an [`Article`](crate::Article) came from.
///
/// ```
/// let page = r#"<head><meta property="og:type" content="product"></head><body>
///     <h1>Oak bench</h1><p>A garden bench of solid oak.</p>
///     <span class="price">£240</span><button class="add-to-cart">Add to cart</button></body>"#;
/// assert_eq!(pith::extract(page).page_type, pith::PageType::Product);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PageType {
    /// A story, post, essay or guide: one text with a headline.
    Article,
    /// A discussion thread: a question or opening post and replies.
    Forum,
    /// One product on sale.
    Product,
    /// A grid of products (a shop's category page).
    Collection,
    /// A list of teasers: articles of a category or tag, search results, an index.
    Listing,
    /// A business's description of what it offers (home, service, landing pages).
    Service,
    /// Technical documentation: manuals, API references, guides with code.
    Documentation,
    /// None of these, or too little on the page to tell.
    #[default]
    Other,
}

impl PageType {
    /// Every page type, in the order ties are broken.
    pub const ALL: [PageType; 8] = [
        PageType::Article,
        PageType::Forum,
        PageType::Product,
        PageType::Collection,
        PageType::Listing,
        PageType::Service,
        PageType::Documentation,
        PageType::Other,
    ];

    /// The lowercase name (`"article"`, `"forum"`…), as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Listing => "listing",
            PageType::Service => "service",
            PageType::Documentation => "documentation",
            PageType::Other => "other",
        }
    }

    /// The type with this lowercase name.
    pub fn from_name(name: &str) -> Option<PageType> {
        PageType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    pub(super) fn index(self) -> usize {
        PageType::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

impl fmt::Display for PageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
