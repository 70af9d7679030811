//! Native throughput of the pure core over the fixture corpus: `diagnose` on every
//! `tests/fixtures/*.json`, then `explain` of those diagnoses in English and Indonesian.
//!
//! Run with `cargo bench --bench diagnose`; `cargo xtask bench` runs it and reads criterion's
//! saved samples (`<target>/criterion/<group>/<name>/new/`) into its table.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use criterion::{Criterion, Throughput};
    use explain402::catalog::{Catalog, PlainFormat};
    use explain402::diagnose::{diagnose, Diagnosis, Exchange};
    use std::hint::black_box;
    use std::path::PathBuf;

    /// Every fixture of the corpus as an [`Exchange`], in file-name order.
    fn corpus() -> Vec<Exchange> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                let text =
                    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                Exchange::from_fixture(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            })
            .collect()
    }

    pub fn main() {
        let exchanges = corpus();
        assert!(!exchanges.is_empty(), "no fixtures in tests/fixtures");
        let diagnoses: Vec<Diagnosis> = exchanges.iter().filter_map(diagnose).collect();
        let catalog = Catalog::builtin();
        let mut c = Criterion::default().configure_from_args();

        let mut group = c.benchmark_group("diagnose");
        group.throughput(Throughput::Elements(exchanges.len() as u64));
        group.bench_function("corpus", |b| {
            b.iter(|| {
                for ex in &exchanges {
                    black_box(diagnose(black_box(ex)));
                }
            })
        });
        group.finish();

        let mut group = c.benchmark_group("explain");
        group.throughput(Throughput::Elements(diagnoses.len() as u64));
        for locale in ["en", "id"] {
            group.bench_function(locale, |b| {
                b.iter(|| {
                    for d in &diagnoses {
                        black_box(catalog.explain(black_box(d), locale, &PlainFormat));
                    }
                })
            });
        }
        group.finish();

        // The whole pure pipeline for each response: diagnosis, then Indonesian words.
        let mut group = c.benchmark_group("pipeline");
        group.throughput(Throughput::Elements(exchanges.len() as u64));
        group.bench_function("diagnose+explain", |b| {
            b.iter(|| {
                for ex in &exchanges {
                    if let Some(d) = diagnose(black_box(ex)) {
                        black_box(catalog.explain(&d, "id", &PlainFormat));
                    }
                }
            })
        });
        group.finish();

        c.final_summary();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    bench::main();
}
