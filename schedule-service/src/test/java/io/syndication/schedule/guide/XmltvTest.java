package io.syndication.schedule.guide;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class XmltvTest {

    @Test
    void markupIsEscapedAndWhatXmlCannotCarryIsDropped() {
        assertThat(Xmltv.escape("Tom & Jerry <Live> \"Final\" 'Day'"),
                equalTo("Tom &amp; Jerry &lt;Live&gt; &quot;Final&quot; &apos;Day&apos;"));
        // a control character, U+FFFE, U+FFFF and a lone surrogate would make the whole guide unparseable
        assertThat(Xmltv.escape("Bell\u0007 \uFFFE\uFFFF\uD800 Cup"), equalTo("Bell  Cup"));
        // what XML does carry stays: tabs and line breaks, Hangul, Devanagari, emoji
        assertThat(Xmltv.escape("K-Pop\t주간\nक्रिकेट 🏏"), equalTo("K-Pop\t주간\nक्रिकेट 🏏"));
    }
}
