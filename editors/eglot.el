;; SPDX-License-Identifier: EUPL-1.2
;;; twohats in Emacs through Eglot: `twohats lsp' lints Markdown and text buffers as
;;; you type, saved or not, into Flymake; `M-x eglot-code-actions' (or
;;; `eglot-code-action-quickfix') offers each finding's fix and a suppression with a
;;; reason; ElDoc explains the rule at point.  twohats must be on `exec-path'.
;;
;; Emacs 29 and newer have Eglot built in.  Emacs 28 (Debian 12) needs the packages
;; elpa-eglot and elpa-markdown-mode (apt install elpa-eglot elpa-markdown-mode), or
;; eglot and markdown-mode from GNU ELPA / NonGNU ELPA.
;;
;; Copy this file to ~/.emacs.d/twohats-eglot.el and add (load "~/.emacs.d/twohats-eglot")
;; to your init file, or paste it there; do not put its folder on `load-path', where
;; its name would hide Eglot's own eglot.el.  Then `M-x eglot' in a Markdown or text
;; buffer, or uncomment the hook at the end to start it in every Markdown buffer.

(defvar eglot-server-programs)         ; Eglot's, once it is loaded
(with-eval-after-load 'eglot
  ;; First, so that it wins over Eglot's own choice for Markdown (marksman); gfm-mode,
  ;; derived from markdown-mode, comes with it.
  (add-to-list 'eglot-server-programs '(markdown-mode . ("twohats" "lsp")))
  ;; Last, for plain text: Eglot takes the first entry whose mode the buffer's mode
  ;; derives from, and LaTeX, HTML and YAML modes derive from text-mode too; placed
  ;; last, this leaves them their own servers.
  (add-to-list 'eglot-server-programs '(text-mode . ("twohats" "lsp")) t))

;; (add-hook 'markdown-mode-hook #'eglot-ensure)
