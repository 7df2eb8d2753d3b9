;;; scaleup.el --- ScaleUp scenarios in Emacs, with Eglot (Emacs 29, or Eglot from ELPA)
;; Load it from your init file: (load "/path/to/tools/editors/emacs/scaleup.el")
;; then M-x eglot in a scenario's .lua file (needs lua-mode).
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(lua-mode . ("scaleup" "lsp"))))
(add-hook 'lua-mode-hook
          (lambda ()
            (when (and buffer-file-name
                       (locate-dominating-file buffer-file-name "main.lua"))
              (eglot-ensure))))
;;; scaleup.el ends here
