
# Hall10086: USB modems appear as /dev/ttyUSB* or /dev/ttyACM*, which only the dialout group may open.
if [ -n "$SUDO_USER" ] && [ "$SUDO_USER" != root ] && ! id -nG "$SUDO_USER" | grep -qw dialout; then
    echo "Hall10086: 要使用 USB 调制解调器，请运行 sudo usermod -aG dialout $SUDO_USER 然后重新登录。"
    echo "Hall10086: to use a USB modem, run sudo usermod -aG dialout $SUDO_USER and log in again."
fi
