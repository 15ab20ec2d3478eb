#pragma once

// Tesseract's LSTM runs OpenMP teams that, on the kiosk's two shared cores, cost more than they
// give (measured: recognition about a third slower, see src/ocr/README.md). libgomp reads
// OMP_THREAD_LIMIT only when it loads, before main(), so when it is unset this sets it (to
// KIOSK_OCR_THREADS, else 1) and executes the program again with the same arguments; it
// returns only when the limit was already set or the re-execution failed (then the default).
// Every mode that reads labels calls it: the touch UI and `kilo-kiosk ocr`.
void limitOpenMpThreads(char **argv);
