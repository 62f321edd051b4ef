//! Putting the document together: the glyph document's single page replaced by the real pages,
//! and every stream compressed.

use super::*;

/// Replaces the single page of the glyph document by the real pages.
pub(super) struct Assembly {
    pub(super) pages: lopdf::ObjectId,
    pub(super) template: lopdf::Dictionary,
}

impl Assembly {
    /// The page objects of `lo`, in order.
    pub(super) fn kids(lo: &lopdf::Document) -> Result<Vec<lopdf::ObjectId>, lopdf::Error> {
        let pages = lo.catalog()?.get(b"Pages")?.as_reference()?;
        lo.get_dictionary(pages)?
            .get(b"Kids")?
            .as_array()?
            .iter()
            .map(lopdf::Object::as_reference)
            .collect()
    }

    /// Takes the glyph page out of `lo`, keeping its dictionary as the template of every page
    /// (media box, resources).
    pub(super) fn new(lo: &mut lopdf::Document) -> Result<Self, Error> {
        let err = |e: lopdf::Error| Error::Write(format!("cannot assemble the pages: {e}"));
        let pages = lo
            .catalog()
            .and_then(|c| c.get(b"Pages")?.as_reference())
            .map_err(err)?;
        let glyph_page = *Self::kids(lo)
            .map_err(err)?
            .first()
            .ok_or_else(|| Error::Write("cannot assemble the pages: no page".into()))?;
        let template = lo
            .objects
            .remove(&glyph_page)
            .and_then(|o| o.as_dict().ok().cloned())
            .ok_or_else(|| Error::Write("cannot assemble the pages: no page dictionary".into()))?;
        if let Ok(contents) = template
            .get(b"Contents")
            .and_then(lopdf::Object::as_reference)
        {
            lo.objects.remove(&contents);
        }
        Ok(Self { pages, template })
    }

    /// Adds a page for each content stream, in order.
    pub(super) fn pages(self, lo: &mut lopdf::Document, contents: Vec<lopdf::Stream>) {
        let kids: Vec<lopdf::Object> = contents
            .into_iter()
            .map(|stream| {
                let mut page = self.template.clone();
                page.set("Contents", lo.add_object(stream));
                lopdf::Object::Reference(lo.add_object(page))
            })
            .collect();
        if let Ok(pages) = lo.get_dictionary_mut(self.pages) {
            pages.set("Count", i64::try_from(kids.len()).unwrap_or(i64::MAX));
            pages.set("Kids", kids);
        }
    }
}

/// The stream `id` of `lo`.
pub(super) fn stream_mut(
    lo: &mut lopdf::Document,
    id: lopdf::ObjectId,
) -> Option<&mut lopdf::Stream> {
    lo.get_object_mut(id).ok()?.as_stream_mut().ok()
}

/// The Flate level of the streams: zlib-rs's fastest. With one-byte glyph codes the content
/// streams are small enough that it keeps every example far below 200 KB, and it compresses
/// about twice as fast as level 2 (README, "Benchmarks").
pub(super) const DEFLATE_LEVEL: u32 = 1;

/// Compresses every stream of `lo` that is not compressed yet.
pub(super) fn compress_streams(lo: &mut lopdf::Document) {
    let mut compressor = Compressor::new();
    for stream in lo
        .objects
        .values_mut()
        .filter_map(|o| o.as_stream_mut().ok())
    {
        compressor.deflate(stream);
    }
}

/// Flate compression of streams, as `lopdf::Stream::compress` does but at [`DEFLATE_LEVEL`].
///
/// One compressor is kept and reset between streams: its tables are larger than most page
/// streams, and allocating them afresh for each stream costs more than compressing it.
pub(super) struct Compressor(pub(super) flate2::Compress);

impl Compressor {
    pub(super) fn new() -> Self {
        let level = DEFLATE_LEVEL;
        Self(flate2::Compress::new(flate2::Compression::new(level), true))
    }

    /// Compresses `stream` unless it is compressed already or may not be. A stream that would
    /// not shrink, or that fails to compress, stays as it is (as in lopdf).
    pub(super) fn deflate(&mut self, stream: &mut lopdf::Stream) {
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            return;
        }
        if let Some(out) = self.deflate_bytes(&stream.content)
            && out.len() < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(out);
        }
    }

    /// `input`, Flate-compressed; `None` if compressing fails.
    pub(super) fn deflate_bytes(&mut self, input: &[u8]) -> Option<Vec<u8>> {
        let z = &mut self.0;
        z.reset();
        let mut out = Vec::with_capacity(input.len() / 2 + 64);
        loop {
            let consumed = usize::try_from(z.total_in()).unwrap_or(usize::MAX);
            let rest = input.get(consumed..).unwrap_or_default();
            match z.compress_vec(rest, &mut out, flate2::FlushCompress::Finish) {
                Ok(flate2::Status::StreamEnd) => return Some(out),
                // The output is full: give it room and go on.
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return None,
            }
        }
    }
}
