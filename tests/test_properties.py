"""Property tests: the pipeline never raises on any Unicode input, and clean text stays clean."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenku.corpus import SourceError, process_bytes
from wenku.ingest.repairs import repair_line

CHINESE = st.text(
    alphabet=st.sampled_from(list("数字经济人工智能产业发展新质生产力，。、；：？！“”（）《》 \n的是在和与")),
    max_size=200,
)
ANY_TEXT = st.text(max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_line_repairs_never_raise(text):
    out, changes = repair_line(text.replace("\n", " "), 1)
    assert isinstance(out, str)
    assert "\ufffd" not in out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(ANY_TEXT, CHINESE))
def test_line_repairs_are_idempotent(text):
    line = text.replace("\n", " ")
    once, _ = repair_line(line, 1)
    twice, changes = repair_line(once, 1)
    assert twice == once, [c.kind for c in changes]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(ANY_TEXT, CHINESE), st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_whole_pipeline_never_raises(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        src = process_bytes("prop.txt", data)
    except SourceError as exc:  # a clear refusal (empty or binary) names the file
        assert str(exc).startswith("prop.txt:")
        return
    for art in src.articles:
        assert art.line_span[0] <= art.line_span[1]


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_handled(data):
    try:
        process_bytes("bytes.txt", data)
    except SourceError as exc:
        assert str(exc).startswith("bytes.txt:")
