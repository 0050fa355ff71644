//! XML for the GEXF and GraphML readers: quick-xml events as elements with their byte
//! position, text with references resolved, every syntax error located, and the one walk over
//! a document's elements that both readers share.

use super::locate::line_col;
use crate::error::{ErrorKind, LoadError};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use quick_xml::XmlVersion;

/// An element's start: its local name (namespace prefix dropped), attributes (local names,
/// values unescaped and normalized) and the byte offset of its `<`.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub at: usize,
}

impl Element {
    /// The value of an attribute, by local name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the reader meets next.
#[derive(Debug)]
pub(crate) enum Step {
    Open(Element),
    /// The end of the element opened last (also sent for `<empty/>` elements).
    Close,
    Text(String),
    End,
}

/// A pull reader over one XML document that knows where it is.
#[derive(Debug)]
pub(crate) struct Xml<'a> {
    text: &'a str,
    reader: Reader<&'a [u8]>,
    /// Names and positions of the open elements.
    open: Vec<(String, usize)>,
    close_pending: bool,
    root_seen: bool,
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str) -> Xml<'a> {
        Xml {
            text,
            reader: Reader::from_str(text),
            open: Vec::new(),
            close_pending: false,
            root_seen: false,
        }
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// A located error at byte offset `at`.
    pub fn error(&self, kind: ErrorKind, at: usize, path: &str, message: String) -> LoadError {
        let (line, column) = line_col(self.text, at);
        LoadError::at(kind, path, message).with_position(line, column)
    }

    /// The value of a required attribute of `el`, or an error naming `record.attr`.
    pub fn required(&self, el: &Element, attr: &str, record: &str) -> Result<String, LoadError> {
        el.get(attr).map(str::to_string).ok_or_else(|| {
            self.error(
                ErrorKind::Field,
                el.at,
                &format!("{record}.{attr}"),
                format!("a <{}> needs the attribute {attr}", el.name),
            )
        })
    }

    fn syntax(&self, at: usize, message: String) -> LoadError {
        self.error(ErrorKind::Syntax, at, "", message)
    }

    /// The next step of the document.
    ///
    /// # Errors
    /// A [`ErrorKind::Syntax`] error with line and column where the XML is not well-formed,
    /// including a document that ends with elements still open.
    pub fn next(&mut self) -> Result<Step, LoadError> {
        if self.close_pending {
            self.close_pending = false;
            self.open.pop();
            return Ok(Step::Close);
        }
        loop {
            let at = self.reader.buffer_position() as usize;
            let event = self.reader.read_event().map_err(|e| {
                let pos = self.reader.error_position() as usize;
                self.syntax(pos, format!("the XML is not well-formed: {e}"))
            })?;
            match event {
                Event::Start(e) | Event::Empty(e) if self.open.is_empty() && self.root_seen => {
                    let name = e.local_name().as_ref().to_string();
                    return Err(self.syntax(
                        at,
                        format!(
                            "<{name}> follows the end of the root element; a file has one root"
                        ),
                    ));
                }
                Event::Start(e) => {
                    let element = self.element(&e, at)?;
                    self.open.push((element.name.clone(), at));
                    self.root_seen = true;
                    return Ok(Step::Open(element));
                }
                Event::Empty(e) => {
                    let element = self.element(&e, at)?;
                    self.open.push((element.name.clone(), at));
                    self.root_seen = true;
                    self.close_pending = true;
                    return Ok(Step::Open(element));
                }
                Event::End(_) => {
                    self.open.pop();
                    return Ok(Step::Close);
                }
                Event::Text(t) => {
                    let text = t.xml10_content();
                    if self.open.is_empty() {
                        if let Some(i) = text.find(|c: char| !c.is_whitespace()) {
                            return Err(
                                self.syntax(at + i, "text outside the root element".to_string())
                            );
                        }
                        continue;
                    }
                    return Ok(Step::Text(text.into_owned()));
                }
                Event::CData(t) => return Ok(Step::Text(t.xml10_content().into_owned())),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => resolve_predefined_entity(&r)
                            .map(str::to_string)
                            .ok_or_else(|| {
                                self.syntax(at, format!("&{}; is not an entity XML defines", &*r))
                            })?,
                        Err(e) => return Err(self.syntax(at, format!("&{};: {e}", &*r))),
                    };
                    return Ok(Step::Text(resolved));
                }
                Event::Eof => {
                    if let Some((name, at)) = self.open.last() {
                        let (line, column) = line_col(self.text, *at);
                        return Err(self.syntax(
                            self.text.len(),
                            format!(
                                "the file ends before <{name}> (opened at line {line}, column {column}) is closed"
                            ),
                        ));
                    }
                    if !self.root_seen {
                        return Err(self.syntax(0, "the file has no XML element".to_string()));
                    }
                    return Ok(Step::End);
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    fn element(&self, e: &BytesStart<'_>, at: usize) -> Result<Element, LoadError> {
        let name = e.local_name().as_ref().to_string();
        let mut attrs = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| {
                self.syntax(at, format!("an attribute of <{name}> is malformed: {err}"))
            })?;
            let key = attr.key.local_name().as_ref().to_string();
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| {
                    self.syntax(at, format!("the attribute {key} of <{name}>: {err}"))
                })?;
            attrs.push((key, value.into_owned()));
        }
        Ok(Element { name, attrs, at })
    }

    /// The text inside the element just opened, up to its end; text inside child elements is
    /// included, their markup is not.
    pub fn text_content(&mut self) -> Result<String, LoadError> {
        let depth = self.depth();
        let mut text = String::new();
        loop {
            match self.next()? {
                Step::Text(t) => text.push_str(&t),
                Step::Close if self.depth() < depth => return Ok(text),
                Step::Open(_) | Step::Close => {}
                Step::End => return Ok(text),
            }
        }
    }

    /// Skips the rest of the element just opened.
    pub fn skip(&mut self) -> Result<(), LoadError> {
        self.text_content().map(drop)
    }
}

/// What a reader does with the elements of a document, in the order [`walk`] meets them.
pub(crate) trait Visit {
    /// Whether element names are compared in lower case (GEXF 1.1 files write `<Title>`).
    const FOLD_CASE: bool = false;

    /// Element `el` opened inside the elements `open` (outermost first). Returns whether the
    /// walk goes into it: `false` when the visitor has read the element whole
    /// ([`Xml::text_content`], [`Xml::skip`]).
    fn open(&mut self, xml: &mut Xml<'_>, open: &[String], el: Element) -> Result<bool, LoadError>;

    /// The element `name`, which the walk went into, closed.
    fn close(&mut self, name: &str);
}

/// Walks the document to its end, handing each element to `visitor`.
///
/// # Errors
/// The first error of the XML (see [`Xml::next`]) or of the visitor.
pub(crate) fn walk<V: Visit>(xml: &mut Xml<'_>, visitor: &mut V) -> Result<(), LoadError> {
    let mut open: Vec<String> = Vec::new();
    loop {
        match xml.next()? {
            Step::Open(mut el) => {
                if V::FOLD_CASE {
                    el.name.make_ascii_lowercase();
                }
                let name = el.name.clone();
                if visitor.open(xml, &open, el)? {
                    open.push(name);
                }
            }
            Step::Close => {
                if let Some(name) = open.pop() {
                    visitor.close(&name);
                }
            }
            Step::Text(_) => {}
            Step::End => return Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(text: &str) -> Result<Vec<String>, LoadError> {
        let mut xml = Xml::new(text);
        let mut out = Vec::new();
        loop {
            match xml.next()? {
                Step::Open(e) => out.push(format!("<{}@{}", e.name, e.at)),
                Step::Close => out.push(">".into()),
                Step::Text(t) if t.trim().is_empty() => {}
                Step::Text(t) => out.push(t),
                Step::End => return Ok(out),
            }
        }
    }

    #[test]
    fn elements_carry_their_offsets_and_empty_ones_close() {
        let s = steps("<?xml version=\"1.0\"?>\n<a x=\"1\">\n <b/>t&amp;&#233;</a>").unwrap();
        assert_eq!(s, ["<a@22", "<b@33", ">", "t", "&", "\u{e9}", ">"]);
    }

    #[test]
    fn attribute_values_keep_escaped_line_breaks() {
        let mut xml = Xml::new("<a v=\"one&#10;two\tthree\"/>");
        let Step::Open(e) = xml.next().unwrap() else {
            panic!()
        };
        assert_eq!(e.get("v"), Some("one\ntwo three"));
    }

    #[test]
    fn a_truncated_file_names_the_open_element() {
        let err = steps("<graphml>\n  <graph>\n    <node id=\"a\">").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Syntax);
        assert!(
            err.message.contains("<node> (opened at line 3, column 5)"),
            "{err}"
        );
    }

    #[test]
    fn mismatched_ends_and_stray_text_are_located() {
        let err = steps("<a>\n<b></c></a>").unwrap_err();
        assert_eq!((err.line, err.kind), (Some(2), ErrorKind::Syntax));
        let err = steps("<a/>\njunk").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(1)));
        let err = steps("<a>&nbsp;</a>").unwrap_err();
        assert!(err.message.contains("&nbsp;"), "{err}");
    }
}
