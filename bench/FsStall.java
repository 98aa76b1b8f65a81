// The file system's part in a slice's drop, without PostgreSQL: writes a file of <GB> gigabytes in
// <directory>, then removes it while an 8 KB write and fdatasync run every 5 ms beside it (as commits
// flush the WAL), and prints how long the removal took and how long the flushes took before it and
// in the 3 s after it began (docs/benchmark.md, "Dropping a slice and the file system").
//
//   java bench/FsStall.java <directory> <GB>      # e.g. java bench/FsStall.java /var/lib/postgresql 5
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

class FsStall {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		long gigabytes = Long.parseLong(args[1]);
		Path big = dir.resolve("fs-stall-big.dat");
		Path wal = dir.resolve("fs-stall-wal.dat");
		ByteBuffer chunk = ByteBuffer.allocateDirect(64 << 20);
		byte[] random = new byte[64 << 20];
		new Random(1).nextBytes(random);
		chunk.put(random);
		try (FileChannel file = FileChannel.open(big, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			for (long written = 0; written < gigabytes * 16; written++) {
				chunk.clear();
				while (chunk.hasRemaining()) {
					file.write(chunk);
				}
			}
			file.force(true);
		}
		Thread.sleep(5000);
		AtomicBoolean running = new AtomicBoolean(true);
		List<long[]> flushes = Collections.synchronizedList(new ArrayList<>()); // start, nanoseconds
		Thread flusher = new Thread(() -> {
			try (FileChannel file = FileChannel.open(wal, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
				ByteBuffer page = ByteBuffer.allocateDirect(8192);
				long position = 0;
				while (running.get()) {
					long start = System.nanoTime();
					page.clear();
					file.write(page, position);
					position = (position + 8192) % (16 << 20);
					file.force(false);
					flushes.add(new long[] { start, System.nanoTime() - start });
					Thread.sleep(5);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		flusher.start();
		Thread.sleep(3000);
		long removing = System.nanoTime();
		Files.delete(big);
		long removed = System.nanoTime();
		Thread.sleep(5000);
		running.set(false);
		flusher.join();
		Files.delete(wal);
		List<Long> before = new ArrayList<>();
		List<Long> after = new ArrayList<>();
		for (long[] flush : flushes) {
			if (flush[0] + flush[1] < removing) {
				before.add(flush[1]);
			}
			else if (flush[0] < removing + 3_000_000_000L) {
				after.add(flush[1]);
			}
		}
		System.out.printf("%s, %d GB: removal %.0f ms; flushes before: longest %.1f ms; "
				+ "in the 3 s from the removal: %d, p99 %.1f ms, longest %.1f ms%n", dir, gigabytes,
				(removed - removing) / 1e6, percentile(before, 1.0), after.size(), percentile(after, 0.99),
				percentile(after, 1.0));
	}

	private static double percentile(List<Long> nanos, double rank) {
		if (nanos.isEmpty()) {
			return 0;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, rank * sorted.size())) / 1e6;
	}

}
