//! A series' values as the chart draws them ([`Shape`]): runs of joined points (lines) or
//! steps across months (steps, bars, stacked bands), with their value range and the last
//! decimation made of them. A monthly run's steps are read from its values when drawn.

use std::sync::Arc;

use crate::measures::Points;

/// A series' values as drawn: runs of joined points and steps, with their value range and
/// the last decimation made of them.
#[derive(Debug, Default)]
pub struct Shape {
    /// For [`PanelKind::Lines`](super::PanelKind::Lines): points `(x, y)`, x in months (a month `m` spans `m..m+1`),
    /// joined within each run.
    pub segments: Vec<Vec<(f64, f64)>>,
    /// For [`PanelKind::Steps`](super::PanelKind::Steps), [`PanelKind::Bars`](super::PanelKind::Bars) and [`PanelKind::Area`](super::PanelKind::Area): the steps.
    pub steps: Steps,
    /// Smallest and largest y of the segments and steps.
    pub(super) extent: Option<(f64, f64)>,
    /// The runs last drawn from this shape, decimated, and for which pixel columns.
    decimated: std::sync::Mutex<Option<(ColumnsKey, Arc<Vec<DrawnRun>>)>>,
}

impl Shape {
    pub fn new(segments: Vec<Vec<(f64, f64)>>, steps: impl Into<Steps>) -> Shape {
        let steps = steps.into();
        let ys = segments
            .iter()
            .flatten()
            .map(|p| p.1)
            .chain(steps.heights());
        let extent = ys.fold(None, |e: Option<(f64, f64)>, y| match e {
            None => Some((y, y)),
            Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
        });
        Shape {
            segments,
            steps,
            extent,
            decimated: Default::default(),
        }
    }
}

impl Shape {
    /// Whether there is nothing to draw: no point and no step.
    pub fn is_blank(&self) -> bool {
        self.extent.is_none()
    }

    /// The runs drawn for pixel columns `key`: the kept ones when they were made for the
    /// same columns, otherwise `make`'s, kept from now on.
    pub(super) fn decimated_for(
        &self,
        key: ColumnsKey,
        make: impl FnOnce() -> Vec<DrawnRun>,
    ) -> Arc<Vec<DrawnRun>> {
        let kept = self.decimated.lock().ok().and_then(|k| k.clone());
        if let Some((k, runs)) = kept {
            if k == key {
                return runs;
            }
        }
        let runs = Arc::new(make());
        if let Ok(mut k) = self.decimated.lock() {
            *k = Some((key, runs.clone()));
        }
        runs
    }
}

impl PartialEq for Shape {
    /// The same runs and steps (whatever has been decimated from them).
    fn eq(&self, other: &Shape) -> bool {
        self.segments == other.segments && self.steps == other.steps
    }
}

/// Which pixel columns a decimation was made for: lines or steps, the months shown and the
/// plot's first and last pixel.
pub(super) type ColumnsKey = (bool, i64, i64, i32, i32);

/// A run as drawn: its points (decimated or not) and whether it has more points than
/// pixel columns (drawn solid and without markers).
pub(super) type DrawnRun = (Vec<(f64, f64)>, bool);

/// A series' steps: listed, or those of a monthly run's values, made when read (a
/// million values then take no room of their own in the shape).
#[derive(Debug, Clone)]
pub enum Steps {
    Listed(Vec<Step>),
    /// Each value of `points` (a monthly run's: single months, all drawn) across its
    /// month, at its value × `scale`.
    Run {
        points: Points,
        scale: f64,
    },
}

impl Steps {
    /// How many steps.
    pub fn len(&self) -> usize {
        match self {
            Steps::Listed(steps) => steps.len(),
            Steps::Run { points, .. } => points.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Step `k`.
    ///
    /// # Panics
    /// When `k` is past the steps.
    pub fn get(&self, k: usize) -> Step {
        match self {
            Steps::Listed(steps) => steps[k],
            Steps::Run { points, scale } => {
                let (first, last, value) = points.placed(k);
                Step {
                    x0: first as f64,
                    x1: (last + 1) as f64,
                    y: value * scale,
                }
            }
        }
    }

    /// Every step, in order.
    pub fn iter(&self) -> impl Iterator<Item = Step> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }

    /// Every step's height, in order: a run's read from its numbers, not made a step at
    /// a time.
    pub fn heights(&self) -> Box<dyn Iterator<Item = f64> + '_> {
        if let Steps::Run { points, scale } = self {
            if let Some((_, numbers)) = points.run_numbers() {
                let drawn = numbers.iter().filter(|v| !v.is_nan());
                return Box::new(drawn.map(move |v| v * scale));
            }
        }
        Box::new(self.iter().map(|s| s.y))
    }
}

impl From<Vec<Step>> for Steps {
    fn from(steps: Vec<Step>) -> Steps {
        Steps::Listed(steps)
    }
}

impl Default for Steps {
    fn default() -> Steps {
        Steps::Listed(Vec::new())
    }
}

/// The same steps, however they are kept.
impl PartialEq for Steps {
    fn eq(&self, other: &Steps) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// A value spanning months `x0..x1` (month-index units), drawn at height `y`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Step {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

/// Joined runs of steps: contiguous steps (one ends where the next begins) form one run
/// with vertical risers; a gap starts a new run.
pub fn step_runs(steps: &[Step]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    step_corners(steps.iter().copied(), |new_run, p| {
        if new_run {
            runs.push(Vec::new());
        }
        runs.last_mut().expect("a run was started").push(p);
    });
    runs
}

/// The corners of [`step_runs`]' runs, one at a time (`new_run`: the first corner of a
/// run), without holding them: a million steps are drawn as they are read.
pub(super) fn step_corners(
    steps: impl IntoIterator<Item = Step>,
    mut corner: impl FnMut(bool, (f64, f64)),
) {
    let mut previous_end: Option<f64> = None;
    for st in steps {
        corner(
            !previous_end.is_some_and(|e| (e - st.x0).abs() < 1e-9),
            (st.x0, st.y),
        );
        corner(false, (st.x1, st.y));
        previous_end = Some(st.x1);
    }
}
