/* debrief_html_style: the one stylesheet of the debrief report (debrief
 * --html), inlined in the page's <head>. Large type for a debrief room; the
 * Okabe-Ito colours, never alone; a thick focus outline; every table in a
 * box that scrolls sideways on a narrow screen; charts on their own white
 * ground, kept as drawn under forced colours; and an A4 print sheet in which
 * tables fit the page and folded <details> still print. */
#ifndef DEBRIEF_HTML_STYLE_H
#define DEBRIEF_HTML_STYLE_H

extern const char debrief_html_style[];

#endif
