//! The chart's colours: a light and a dark theme, each series' colour by its style, and
//! the WCAG contrast of two colours (the tests hold every colour to it).

use plotters::style::RGBColor;

/// Stroke colours of the series, by style (each passes 3:1 against white). A series'
/// style is its partner's place in the dataset (see [`STYLES`]), so its colour, dash and
/// marker do not change when other partners are shown or hidden.
pub const PALETTE: [(u8, u8, u8); 8] = [
    (31, 98, 163),
    (196, 84, 0),
    (46, 125, 50),
    (123, 63, 160),
    (0, 122, 135),
    (173, 20, 87),
    (130, 100, 0),
    (93, 64, 55),
];

/// Distinct styles: a style's colour is `style % 8`, its line dashed when `style` is odd
/// and its marker `style % 3` (circle, triangle, cross), so 24 styles differ in one of them.
pub const STYLES: usize = 24;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// Colours of a chart: background (none when transparent), text, grid, marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartTheme {
    /// `None`: transparent, the host page's background shows through.
    pub background: Option<Rgb>,
    /// The background the colours were chosen against (for contrast), even when transparent.
    pub reference_background: Rgb,
    pub text: Rgb,
    pub text_soft: Rgb,
    pub grid_light: Rgb,
    pub grid_bold: Rgb,
    pub axis: Rgb,
    pub flag: Rgb,
    pub flag_text: Rgb,
    /// A claim found wrong, and one that holds.
    pub mark_wrong: Rgb,
    pub mark_holds: Rgb,
    pub event: Rgb,
    pub palette: [Rgb; 8],
}

impl ChartTheme {
    /// Dark marks on white.
    pub const LIGHT: ChartTheme = ChartTheme {
        background: Some((255, 255, 255)),
        reference_background: (255, 255, 255),
        text: (34, 34, 34),
        text_soft: (68, 68, 68),
        grid_light: (235, 235, 235),
        grid_bold: (220, 220, 220),
        axis: (120, 120, 120),
        flag: (214, 110, 20),
        flag_text: (150, 60, 0),
        mark_wrong: (179, 38, 30),
        mark_holds: (30, 107, 52),
        event: (100, 100, 100),
        palette: PALETTE,
    };

    /// Light marks on near-black.
    pub const DARK: ChartTheme = ChartTheme {
        background: Some((24, 26, 29)),
        reference_background: (24, 26, 29),
        text: (236, 236, 236),
        text_soft: (200, 200, 200),
        grid_light: (48, 51, 56),
        grid_bold: (64, 68, 74),
        axis: (150, 150, 150),
        flag: (240, 150, 70),
        flag_text: (250, 180, 110),
        mark_wrong: (255, 138, 128),
        mark_holds: (129, 201, 149),
        event: (170, 170, 170),
        palette: [
            (110, 170, 240),
            (245, 150, 70),
            (110, 200, 120),
            (200, 160, 240),
            (77, 208, 225),
            (244, 143, 177),
            (230, 195, 76),
            (188, 170, 164),
        ],
    };

    /// The same colours without a background.
    pub fn transparent(self) -> ChartTheme {
        ChartTheme {
            background: None,
            ..self
        }
    }
}

impl Default for ChartTheme {
    fn default() -> ChartTheme {
        ChartTheme::LIGHT
    }
}

pub(super) fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let lum = |c: Rgb| 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2);
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colour of series style `style`.
pub(super) fn color(theme: &ChartTheme, style: usize) -> RGBColor {
    rgb(theme.palette[style % theme.palette.len()])
}
