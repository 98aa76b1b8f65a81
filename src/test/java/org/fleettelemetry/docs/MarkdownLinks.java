package org.fleettelemetry.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links of Markdown files that do not resolve inside a repository: links with a
 * scheme ({@code https:}, {@code mailto:}, ...) or that climb out of the repository's
 * root, links to files that do not exist, and anchors that name no heading of their file.
 * Inline links and images, reference definitions, autolinks and bare web addresses count;
 * code (fenced blocks and code spans) does not.
 */
final class MarkdownLinks {

	/** {@code [text](target "title")} and {@code ![alt](target)}. */
	private static final Pattern INLINE = Pattern
		.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^\\s)]*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");

	/** {@code [label]: target}. */
	private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");

	/**
	 * {@code <https://...>}, and addresses that GitHub turns into links by themselves.
	 */
	private static final Pattern AUTOLINK = Pattern
		.compile("<([a-zA-Z][a-zA-Z0-9+.-]*:[^\\s<>]*)>|\\b((?:https?://|www\\.)[^\\s<>)]+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");

	private static final Pattern BACKTICKS = Pattern.compile("`+");

	private final Path root;

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	/**
	 * @param root the repository's root, which no link may leave
	 */
	MarkdownLinks(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * What is wrong with the links of {@code file}, one line each, naming the file (from
	 * the root) and the line.
	 */
	List<String> problems(Path file) {
		Path source = file.toAbsolutePath().normalize();
		List<String> problems = new ArrayList<>();
		for (MarkdownFile.Line line : withoutCode(MarkdownFile.read(source).prose())) {
			for (String target : targets(line.text())) {
				String problem = problem(source, unbracketed(target));
				if (problem != null) {
					problems.add(this.root.relativize(source) + ":" + line.number() + ": " + target + " " + problem);
				}
			}
		}
		return problems;
	}

	/**
	 * The lines without their code spans, including those that go on over the next lines
	 * of their paragraph.
	 */
	private static List<MarkdownFile.Line> withoutCode(List<MarkdownFile.Line> lines) {
		List<MarkdownFile.Line> prose = new ArrayList<>();
		String openSpan = null;
		for (MarkdownFile.Line line : lines) {
			String text = line.text();
			if (openSpan != null && !text.isBlank()) {
				int close = text.indexOf(openSpan);
				if (close < 0) {
					continue;
				}
				text = text.substring(close + openSpan.length());
			}
			openSpan = null;
			text = CODE_SPAN.matcher(text).replaceAll("");
			Matcher unclosed = BACKTICKS.matcher(text);
			if (unclosed.find()) {
				openSpan = unclosed.group();
				text = text.substring(0, unclosed.start());
			}
			prose.add(new MarkdownFile.Line(line.number(), text));
		}
		return prose;
	}

	/** The link targets of a line of prose, in the order they stand. */
	private static List<String> targets(String text) {
		Matcher definition = DEFINITION.matcher(text);
		if (definition.find()) {
			return List.of(definition.group(1));
		}
		List<String> targets = new ArrayList<>();
		Matcher inline = INLINE.matcher(text);
		while (inline.find()) {
			targets.add(inline.group(1));
		}
		Matcher autolink = AUTOLINK.matcher(inline.replaceAll(""));
		while (autolink.find()) {
			targets.add((autolink.group(1) != null) ? autolink.group(1) : autolink.group(2));
		}
		return targets;
	}

	/**
	 * Why {@code target}, linked from {@code source}, does not resolve; or {@code null}.
	 */
	private String problem(Path source, String target) {
		if (target.isEmpty()) {
			return "is empty";
		}
		if (SCHEME.matcher(target).find() || target.startsWith("//") || target.regionMatches(true, 0, "www.", 0, 4)) {
			return "leaves the repository";
		}
		int hash = target.indexOf('#');
		String path = (hash < 0) ? target : target.substring(0, hash);
		String anchor = (hash < 0) ? null : target.substring(hash + 1);
		int query = path.indexOf('?');
		path = URLDecoder.decode((query < 0) ? path : path.substring(0, query), StandardCharsets.UTF_8);
		Path resolved = path.isEmpty() ? source
				: (path.startsWith("/") ? this.root.resolve(path.substring(1)) : source.resolveSibling(path))
					.normalize();
		if (!resolved.startsWith(this.root)) {
			return "climbs out of the repository";
		}
		if (!Files.exists(resolved)) {
			return "names no file of the repository";
		}
		if (anchor != null && !anchorsOf(resolved).contains(anchor)) {
			return "names no heading of " + this.root.relativize(resolved);
		}
		return null;
	}

	private static String unbracketed(String target) {
		return (target.startsWith("<") && target.endsWith(">")) ? target.substring(1, target.length() - 1) : target;
	}

	/** The anchors of a Markdown file; none for any other file. */
	private Set<String> anchorsOf(Path file) {
		return this.anchors.computeIfAbsent(file, (key) -> (Files.isRegularFile(key) && key.toString().endsWith(".md"))
				? MarkdownFile.read(key).anchors() : Set.of());
	}

}
