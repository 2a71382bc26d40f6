"""A third-party check package, as small as one can be (used by the tests)."""
from linter.check import Check, Fix


class DemoShout(Check):
    id = "demo-shout"
    summary = "演示插件：标记“演示标记”"
    summary_en = "Demo plugin: flags the demo marker"
    messages = {"hit": {"zh": "发现演示标记", "en": "demo marker found"}}

    def run(self, doc):
        i = doc.text.find("演示标记")
        while i != -1:
            yield self.finding("hit", i, i + 4, fix=Fix(i, i + 4, "标记"), confidence=1.0)
            i = doc.text.find("演示标记", i + 4)


class DemoCrash(Check):
    id = "demo-crash"
    summary = "演示插件：总是崩溃"
    summary_en = "Demo plugin: always crashes"

    def run(self, doc):
        if "演示标记" in doc.text:
            raise RuntimeError("boom")
        return []
