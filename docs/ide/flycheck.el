;;; flycheck.el --- the racelab checks in Emacs through flycheck-clang-tidy

;; flycheck-clang-tidy (MELPA) adds the checker c/c++-clang-tidy to
;; flycheck; here it runs racelab-clang-tidy (clang-tidy-19 with the racelab
;; plugin loaded) instead of clang-tidy. Put this in your init file;
;; docs/ide.md explains it.

(defvar racelab-root (expand-file-name "~/racelab/")
  "A RaceLab build tree's source directory, or an install prefix.
For an install prefix, use \"bin/racelab-clang-tidy\" and
\"share/racelab/samples/include\" below.")

(with-eval-after-load 'flycheck
  (require 'flycheck-clang-tidy)
  (flycheck-clang-tidy-setup)
  (setq flycheck-clang-tidy-executable
        (expand-file-name "build/bin/racelab-clang-tidy" racelab-root))
  ;; -p: the project's compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS=ON).
  (setq flycheck-clang-tidy-build-path (expand-file-name "build" racelab-root))
  ;; The lessons are not in it (racelab builds them itself): their flags.
  ;; A list, so that each is one argument.
  (setq flycheck-clang-tidy-extra-options
        (list "--extra-arg=-std=c++20"
              (concat "--extra-arg=-I"
                      (expand-file-name "samples/include" racelab-root)))))

(add-hook 'c++-mode-hook #'flycheck-mode)

;; Without flycheck: M-x compile with this command. compilation-mode reads
;; clang's file:line:col: lines (M-g n: next warning); --use-color=false
;; because compile runs it on a terminal, where clang-tidy colours its
;; output, and compilation-mode then takes each warning for an error:
;;   ~/racelab/build/bin/racelab-clang-tidy --quiet --use-color=false \
;;     -p ~/racelab/build --extra-arg=-std=c++20 \
;;     --extra-arg=-I$HOME/racelab/samples/include FILE.cpp

;;; flycheck.el ends here
