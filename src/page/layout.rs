//! The chart's size from the page's layout (the rules of `style/main.css`): its height
//! for a width, and its width before it is laid out, so that the first snapshot is drawn
//! at the width the chart gets.

/// Chart height for a width: taller than wide on phones, 16:9-ish on desktops.
pub fn chart_height(width: u32) -> u32 {
    if width < 520 {
        (width as f64 * 1.05) as u32
    } else {
        ((width as f64 * 0.5) as u32).clamp(320, 560)
    }
}

/// The chart's width before it is laid out, from `<main>`'s width (`main_width`), the
/// viewport's, and whether the page is an embed and shows its settings; 0 when it would
/// be narrower than the narrowest chart (280 px), so that the real width is awaited.
///
/// `main { padding: 1rem }` (0.5rem in embeds); from 900 px the settings take 17rem and a
/// 1.25rem gap beside the chart (embeds keep one column).
pub fn estimated_chart_width(main_width: f64, viewport: f64, embed: bool, controls: bool) -> u32 {
    let mut w = main_width - if embed { 16.0 } else { 32.0 };
    if viewport >= 900.0 && !embed && controls {
        w -= 17.0 * 16.0 + 1.25 * 16.0;
    }
    if w >= 280.0 {
        w.floor() as u32
    } else {
        0
    }
}
