;; SPDX-License-Identifier: EUPL-1.2
;;; emacs_check.el --- run by tests/cli/emacs.sh  -*- lexical-binding: t -*-
;;; In Emacs (batch), after editors/eglot.el was loaded as from an init file: opens a
;;; Markdown file that does not exist (the buffer is never saved), fills it, starts
;;; Eglot with `eglot-ensure', waits for the Flymake diagnostics, goes to the first,
;;; applies the quick fix the way a user does (`eglot-code-actions' and a pick in
;;; `completing-read') and waits for the diagnostics to go.  It writes what it saw to
;;; $EMACS_RESULT and Eglot's events log to $EMACS_RESULT.events.
(require 'cl-lib)

(defvar twohats-lines nil)
(defun twohats-say (&rest args) (push (apply #'format args) twohats-lines))

(defun twohats-wait (what seconds)
  "Wait until WHAT gives non-nil, SECONDS at most, running processes and timers."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall what)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (funcall what)))

(defun twohats-idle ()
  "As the command loop when the user stops typing: run the idle timers due.
Batch Emacs is never idle, and Eglot sends a buffer's changes on an idle timer."
  (twohats-wait #'ignore 0.6)
  (dolist (timer (copy-sequence timer-idle-list))
    (when (time-less-p (timer--time timer) 0.6)
      (timer-event-handler timer))))

(defun twohats-place (pos)
  "Line:column of POS (column in characters, from 0) and the two characters there."
  (save-excursion
    (goto-char pos)
    (format "%d:%d %s" (line-number-at-pos) (current-column)
            (buffer-substring-no-properties pos (min (line-end-position) (+ pos 2))))))

(defun twohats-check ()
  (find-file (expand-file-name "project/notes/post.md" (getenv "EMACS_DIR")))
  (twohats-say "mode %s" major-mode)
  (insert "---\nchannel: social\naccount: hybrid\nparty: D66\n---\n"
          "Café “De Zwaan”. Op 29 oktober stem ik D66.\n")
  (eglot-ensure)
  (run-hooks 'post-command-hook)        ; the command that opened the file ends
  (let ((server (eglot-current-server)))
    (twohats-say "server %s" (and server (mapconcat #'identity (process-command (jsonrpc--process server)) " "))))
  (twohats-wait #'flymake-diagnostics 20)
  (dolist (d (flymake-diagnostics))
    (let ((type (flymake-diagnostic-type d)))
      (twohats-say "diagnostic %s - %s %s" (twohats-place (flymake-diagnostic-beg d))
                   (twohats-place (flymake-diagnostic-end d))
                   (car (split-string (flymake-diagnostic-text d) ":")))
      (twohats-say "severity %s" (or (get type 'flymake-category) type))))
  (goto-char (point-min))
  (flymake-goto-next-error)
  (twohats-say "cursor %s" (twohats-place (point)))
  ;; The user picks the fix from the code actions at point.
  (let ((last-nonmenu-event ?\r))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt items &rest _)
                 (dolist (item items) (twohats-say "action %s" (car item)))
                 (cl-find-if (lambda (title) (string-prefix-p "Fix" title)) (mapcar #'car items)))))
      (call-interactively #'eglot-code-actions)))
  (twohats-say "line %s" (save-excursion (goto-char (point-min)) (forward-line 5)
                                         (buffer-substring-no-properties (point) (line-end-position))))
  (twohats-idle)
  (twohats-wait (lambda () (null (flymake-diagnostics))) 20)
  (twohats-say "after %d" (length (flymake-diagnostics)))
  (twohats-say "modified %s %s" (buffer-modified-p) (file-exists-p buffer-file-name)))

(let ((status 0))
  (condition-case e (twohats-check)
    (error (twohats-say "error %S" e) (setq status 1)))
  (let ((server (ignore-errors (eglot-current-server))))
    (when server
      (let ((events (jsonrpc-events-buffer server)))
        (ignore-errors (eglot-shutdown server nil nil t))
        (with-temp-file (concat (getenv "EMACS_RESULT") ".events")
          (insert-buffer-substring events)))))
  (with-temp-file (getenv "EMACS_RESULT")
    (insert (mapconcat #'identity (reverse twohats-lines) "\n") "\n"))
  (kill-emacs status))
