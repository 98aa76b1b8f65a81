package org.fleettelemetry.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file as its prose: the lines outside fenced code blocks, each with its
 * number, since what a code block holds is shown as it stands, never as a link or a
 * table.
 *
 * @param path the file
 * @param prose its lines outside fenced code blocks, in order
 */
record MarkdownFile(Path path, List<Line> prose) {

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

	static MarkdownFile read(Path path) {
		try {
			return new MarkdownFile(path, prose(Files.readAllLines(path, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The anchors its headings give, as GitHub makes them (a repeated heading's slug gets
	 * {@code -1}, {@code -2}, ...), and those of its HTML anchors.
	 */
	Set<String> anchors() {
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Line line : this.prose) {
			Matcher heading = HEADING.matcher(line.text());
			if (heading.matches()) {
				String slug = slug(heading.group(1));
				int times = seen.merge(slug, 1, Integer::sum);
				anchors.add((times == 1) ? slug : slug + "-" + (times - 1));
			}
			Matcher html = HTML_ANCHOR.matcher(line.text());
			while (html.find()) {
				anchors.add(html.group(1));
			}
		}
		return anchors;
	}

	/**
	 * GitHub's slug of a heading: its text without markup, in lower case, without
	 * punctuation but hyphens and underscores, spaces made hyphens.
	 */
	static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
			.replaceAll("<[^>]+>", "")
			.replaceAll("[`*]", "");
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	private static List<Line> prose(List<String> lines) {
		List<Line> prose = new ArrayList<>();
		String fence = null;
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i);
			Matcher opening = FENCE.matcher(text);
			if (fence == null && opening.find()) {
				fence = opening.group(1);
			}
			else if (fence != null) {
				if (closes(text, fence)) {
					fence = null;
				}
			}
			else {
				prose.add(new Line(i + 1, text));
			}
		}
		return prose;
	}

	/**
	 * Whether {@code text} closes the block opened by {@code fence}: a run of the same
	 * character at least as long, with nothing after it.
	 */
	private static boolean closes(String text, String fence) {
		String run = text.strip();
		return run.startsWith(fence) && run.chars().allMatch((c) -> c == fence.charAt(0));
	}

	/**
	 * @param number the line's number in the file, from 1
	 * @param text the line
	 */
	record Line(int number, String text) {
	}

}
